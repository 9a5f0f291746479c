"""The demo's two user groups, their monthly sessions and the gaps raised at them and elsewhere.

Each gap names the state the demo leaves it in and, for triaged gaps, the tasks and where each task got to,
so the trainer dashboard shows a queue, work in every state, something overdue and months of history.
"""

from __future__ import annotations

GROUPS = [
    {
        "name": "Payables user group",
        "slug": "payables-user-group",
        "description": "Accounts payable analysts, their buddies and the payables trainer. We meet on the first "
        "Tuesday of the month to go through what tripped people up in invoices and payment runs.",
        "facilitator": "carrie.lindqvist",
        "members": ["jill.hartmann", "jim.okafor", "ben.ashworth", "agnieszka.malinowska", "kasia.wrobel"],
        "topics": ["Invoice inbox", "Three-way match", "Payment runs", "Payment blocks"],
        "sessions": [
            {
                "days_ago": 95,
                "agenda": "Payment run questions from the new starters; the F110 proposal review.",
                "minutes": "Jill and Kasia walked through their first payment runs. Two things were not in the "
                "wiki: what to do about a blocked vendor in the proposal, and who approves an urgent run.",
                "attendees": ["jill.hartmann", "jim.okafor", "agnieszka.malinowska", "kasia.wrobel"],
            },
            {
                "days_ago": 65,
                "agenda": "Parking reasons; follow-up on last month's payment run gaps.",
                "minutes": "The parking reasons page uses terms the invoice inbox does not show. Agnieszka is "
                "adding the blocked-vendor branch to the payment proposal page.",
                "attendees": ["jill.hartmann", "jim.okafor", "ben.ashworth", "kasia.wrobel"],
            },
            {
                "days_ago": 35,
                "agenda": "Duplicate payments; the new invoice inbox rules.",
                "minutes": "Nobody could find how to reverse a duplicate payment. Carrie showed the revised "
                "payment run course.",
                "attendees": ["jill.hartmann", "jim.okafor", "ben.ashworth", "agnieszka.malinowska"],
            },
        ],
    },
    {
        "name": "Close and reporting forum",
        "slug": "close-and-reporting-forum",
        "description": "General ledger and close accountants, monthly after the close, on what slowed it down.",
        "facilitator": "meera.kulkarni",
        "members": ["helen.brooks", "yusuf.demir", "sam.thornton", "grace.fitzgerald", "arjun.menon"],
        "topics": ["Month-end close", "Accruals", "GR/IR clearing", "Foreign currency revaluation"],
        "sessions": [
            {
                "days_ago": 80,
                "agenda": "Close retrospective: day 2 accruals.",
                "minutes": "Arjun booked accrual reversals on the wrong date; the checklist does not say which.",
                "attendees": ["helen.brooks", "yusuf.demir", "arjun.menon"],
            },
            {
                "days_ago": 50,
                "agenda": "GR/IR clearing for partial deliveries; FX revaluation rates.",
                "minutes": "Partial deliveries come up every month. Which rate table revaluation uses is unclear.",
                "attendees": ["helen.brooks", "yusuf.demir", "sam.thornton", "arjun.menon"],
            },
            {
                "days_ago": 20,
                "agenda": "Intercompany recharges at quarter end.",
                "minutes": "The recharge cut-off is known by two people only.",
                "attendees": ["helen.brooks", "sam.thornton", "grace.fitzgerald", "arjun.menon"],
            },
        ],
    },
]

# state: new | triaged | in-revision | resolved | declined | duplicate.
# page_task / material_task: (status, due in days; negative is overdue). A page task on "new:Title" writes a new
# page under the named process.
GAPS = [
    {
        "title": "What to do when the payment proposal shows a blocked vendor",
        "description": "The proposal listed a vendor as blocked and the page stops there.",
        "group": "payables-user-group",
        "session": 0,
        "raised_by": "jill.hartmann",
        "me_too": ["kasia.wrobel", "ben.ashworth"],
        "page": "run-the-payment-proposal",
        "material": "Payment run day: from F110 proposal to bank release",
        "state": "resolved",
        "page_task": ("done", 14),
        "material_task": ("done", 21),
        "closed_days_ago": 40,
    },
    {
        "title": "Parking reasons in the invoice inbox do not match the tolerance page",
        "description": "The inbox says PRICE-VAR, the page says 'price difference'.",
        "group": "payables-user-group",
        "session": 1,
        "raised_by": "kasia.wrobel",
        "me_too": ["jill.hartmann"],
        "page": "three-way-match-tolerances",
        "material": "Three-way match, tolerances and parking reasons",
        "state": "in-revision",
        "page_task": ("in-progress", 7),
        "material_task": ("in-review", 10),
    },
    {
        "title": "No page on reversing a duplicate payment",
        "description": "We paid a vendor twice; nobody knew the reversal steps.",
        "group": "payables-user-group",
        "session": 2,
        "raised_by": "jill.hartmann",
        "me_too": ["ben.ashworth"],
        "page": "new:Reverse a duplicate payment",
        "new_page_parent": "payments",
        "state": "triaged",
        "page_task": ("open", -5),
    },
    {
        "title": "Which invoice inbox rules apply to the shared AP mailbox?",
        "description": "Invoices from the shared mailbox land unassigned.",
        "source": "direct",
        "raised_by": "jill.hartmann",
        "me_too": ["arjun.menon"],
        "page": "work-the-invoice-inbox",
        "state": "new",
        "days_ago": 6,
    },
    {
        "title": "Shared mailbox invoices are not assigned in ZAP_INBOX",
        "source": "direct",
        "raised_by": "kasia.wrobel",
        "page": "work-the-invoice-inbox",
        "state": "duplicate",
        "duplicate_of": "Which invoice inbox rules apply to the shared AP mailbox?",
        "days_ago": 4,
    },
    {
        "title": "Accrual reversal date missing from the close checklist",
        "description": "Day 1 or the first day of the next period?",
        "group": "close-and-reporting-forum",
        "session": 0,
        "raised_by": "arjun.menon",
        "page": "post-month-end-accruals",
        "state": "resolved",
        "page_task": ("done", 10),
        "closed_days_ago": 60,
    },
    {
        "title": "GR/IR clearing for partial deliveries",
        "group": "close-and-reporting-forum",
        "session": 1,
        "raised_by": "arjun.menon",
        "page": "review-and-clear-gr-ir",
        "state": "declined",
        "reason": "Covered by the 'Partial deliveries' section added to the GR/IR page last quarter; we linked it "
        "from the close checklist instead.",
        "closed_days_ago": 45,
    },
    {
        "title": "Which rate table does FX revaluation use?",
        "group": "close-and-reporting-forum",
        "session": 1,
        "raised_by": "sam.thornton",
        "page": "run-foreign-currency-revaluation",
        "material": "Month-end close in four days",
        "state": "triaged",
        "page_task": ("cancelled", 14),
        "material_task": ("open", 12),
    },
    {
        "title": "Intercompany recharge cut-off at quarter end",
        "description": "Only two people know the cut-off time.",
        "group": "close-and-reporting-forum",
        "session": 2,
        "raised_by": "grace.fitzgerald",
        "me_too": ["arjun.menon"],
        "page": "post-an-intercompany-recharge",
        "state": "new",
    },
]
