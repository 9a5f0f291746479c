"""The demo buddy program: role plans, the volunteers, and the autumn cohort part-way through.

Dates of the cohort follow the people's start dates; what has been done so far (check-ins held, milestones
ticked) is worked out from the day the demo is loaded, so the cohort always looks mid-way.
"""

from __future__ import annotations

PLANS = [
    {
        "name": "Accounts payable clerk",
        "role": "Accounts payable clerk",
        "description": "From systems access to working invoice exceptions and the payment run on your own.",
        "milestones": [
            (
                "Set up and find your way",
                1,
                "Has ERP and invoice inbox access\nKnows where the process wiki is and how to ask who knows",
                ["System access"],
                ["procure-to-pay-at-brightwater"],
            ),
            (
                "Work the invoice inbox",
                7,
                "Assigns and posts straightforward PO invoices\nKnows the parking reasons",
                ["Invoice inbox", "Invoice parking"],
                ["work-the-invoice-inbox", "post-a-vendor-invoice"],
            ),
            (
                "Clear three-way match exceptions",
                30,
                "Resolves price and quantity variances within tolerance\nReleases blocked invoices with the right approval",
                ["Three-way match", "Payment blocks"],
                ["three-way-match-tolerances", "release-a-blocked-invoice"],
            ),
            (
                "Prepare the payment run",
                60,
                "Prepares the payment proposal for one company code\nExplains why items are blocked",
                ["Payment runs"],
                ["invoice-exceptions-faq"],
            ),
            (
                "Own a company code",
                90,
                "Works a company code's inbox and payment run alone\nCoaches the next new hire on one topic",
                ["Non-PO invoices", "Credit memos"],
                ["post-a-non-po-invoice", "post-a-vendor-credit-memo"],
            ),
        ],
    },
    {
        "name": "Accounts receivable analyst",
        "role": "Accounts receivable analyst",
        "description": "Cash application first, then collections and disputes.",
        "milestones": [
            (
                "Set up and find your way",
                1,
                "Has ERP access\nReads customer accounts in FBL5N",
                ["System access"],
                ["read-a-customer-account-in-fbl5n"],
            ),
            (
                "Apply customer payments",
                7,
                "Applies payments with remittance advice",
                ["Cash application"],
                ["apply-customer-payments"],
            ),
            (
                "Run dunning for one company code",
                30,
                "Runs the dunning programme and explains the levels",
                ["Dunning"],
                ["run-the-dunning-programme", "dunning-levels-and-letter-texts"],
            ),
            (
                "Handle disputes and credit blocks",
                60,
                "Works a customer dispute to the end",
                ["Customer disputes", "Credit management"],
                ["release-a-credit-blocked-order", "collections-faq"],
            ),
            ("Independent", 90, "Owns a portfolio of customers", ["Billing"], ["create-a-billing-document"]),
        ],
    },
    {
        "name": "General ledger accountant",
        "role": "General ledger accountant",
        "description": "Journals, reconciliations and a first month-end close.",
        "milestones": [
            (
                "Set up and find your way",
                1,
                "Has ERP access\nKnows the close timetable",
                ["System access"],
                ["month-end-close-timetable"],
            ),
            (
                "Post journals",
                7,
                "Posts and uploads journals with the right coding",
                ["Journal entries", "Cost centres"],
                ["post-a-gl-journal", "gl-account-and-cost-centre-coding-guide"],
            ),
            (
                "First month-end close",
                30,
                "Posts accruals and works the close checklist",
                ["Accruals", "Close checklist"],
                ["post-month-end-accruals", "use-the-close-checklist"],
            ),
            (
                "Reconciliations",
                60,
                "Reconciles the bank and clears GR/IR",
                ["Bank reconciliation", "GR/IR clearing"],
                ["reconcile-the-bank-statement", "review-and-clear-gr-ir"],
            ),
            (
                "Independent",
                90,
                "Runs revaluation and intercompany matching",
                ["Foreign currency revaluation", "Intercompany"],
                ["run-foreign-currency-revaluation", "match-intercompany-balances"],
            ),
        ],
    },
    {
        "name": "Master data specialist",
        "role": "Master data specialist",
        "description": "Vendor requests, duplicate checks and the bank-details call-back.",
        "milestones": [
            (
                "Set up and find your way",
                1,
                "Has ERP access and the request queue",
                ["System access"],
                ["vendor-master-field-guide"],
            ),
            (
                "Create vendors from requests",
                7,
                "Creates vendors with the right tax codes",
                ["Vendor onboarding", "Tax codes"],
                ["request-a-new-vendor", "create-a-vendor-from-a-request"],
            ),
            (
                "Duplicate checks",
                30,
                "Finds and blocks duplicates",
                ["Duplicate vendor checks"],
                ["check-for-duplicate-vendors"],
            ),
            (
                "Bank details changes",
                60,
                "Runs the call-back procedure without help",
                ["Bank details changes"],
                ["change-vendor-bank-details"],
            ),
            (
                "Independent",
                90,
                "Owns the request queue for a company code",
                ["Vendor master data"],
                ["vendor-master-data-faq"],
            ),
        ],
    },
]

# Volunteers: username, capacity (None: the program default), completed the coaching training, process areas.
BUDDIES = [
    ("jim.okafor", None, True, ["Procure to pay", "Month-end close"]),
    ("agnieszka.malinowska", None, True, ["Procure to pay"]),
    ("priyanka.rao", None, False, ["Order to cash"]),
    ("lucy.tran", 3, True, ["Order to cash", "Expenses"]),
    ("sam.thornton", None, True, ["Record to report", "Month-end close"]),
    ("marek.lis", None, False, ["Vendor master data"]),
    ("cody.reyes", None, False, ["Expenses"]),
]

COHORT = {"name": "Autumn 2026", "starts_on": "2026-10-19", "ends_on": "2027-02-12"}

# New hire, plan, buddy, process areas, and how the onboarding is going.
ONBOARDINGS = [
    {
        "hire": "jill.hartmann",
        "plan": "Accounts payable clerk",
        "buddy": "jim.okafor",
        "areas": ["Procure to pay"],
        "on_track": True,
        "self_assessments": [
            ("Invoice inbox", 1, 0),
            ("Invoice inbox", 2, 9),
            ("Invoice parking", 2, 9),
            ("Three-way match", 1, 2),
        ],
    },
    {
        "hire": "kasia.wrobel",
        "plan": "Accounts payable clerk",
        "buddy": "agnieszka.malinowska",
        "areas": ["Procure to pay"],
        "on_track": True,
        "survey": (30, 5, 4, 4, "Agnieszka answers everything the same day."),
        "self_assessments": [("Invoice inbox", 2, 1), ("Invoice inbox", 3, 20)],
    },
    {
        "hire": "arjun.menon",
        "plan": "Accounts receivable analyst",
        "buddy": "priyanka.rao",
        "areas": ["Order to cash"],
        "on_track": True,
        "self_assessments": [],
    },
    {
        "hire": "bartek.zielinski",
        "plan": "Master data specialist",
        "buddy": "marek.lis",
        "areas": ["Vendor master data"],
        "on_track": False,
        "self_assessments": [],
    },
    {
        "hire": "fiona.gallagher",
        "plan": "General ledger accountant",
        "buddy": None,
        "areas": ["Record to report"],
        "on_track": True,
        "self_assessments": [],
    },
]

CHECK_IN_NOTES = [
    (
        "Find my way round the invoice inbox",
        "How invoices are assigned and which parking reason to use",
        "Read the three-way match page; shadow one payment run",
    ),
    (
        "Understand tolerances",
        "Price variances under 2% post on their own; above that they block",
        "Ask Ben about the payment proposal",
    ),
    ("Own part of the queue", "Handled the German vendor invoices alone", "Try the credit memo procedure"),
]
QUESTIONS = ["Who approves a price variance over 5,000?", "Why do intercompany invoices skip the inbox?"]
