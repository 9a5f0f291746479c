"""'Was this helpful?' votes on demo articles, mostly from the recent new hires."""

from __future__ import annotations

FEEDBACK = [
    {
        "page": "run-the-payment-proposal",
        "user": "jill.hartmann",
        "helpful": False,
        "reason": "outdated",
        "comment": "Since the October upgrade ZPAY_REVIEW shows first-time payees and changed bank details on a separate Bank changes tab. Step 2 of the review still sends you to the Flags tab, where they no longer appear.",
    },
    {
        "page": "work-the-invoice-inbox",
        "user": "jill.hartmann",
        "helpful": True,
        "reason": "",
        "comment": "The explanation of the Possible duplicate banner saved me from posting a re-sent invoice on my second day.",
    },
    {
        "page": "three-way-match-tolerances",
        "user": "jill.hartmann",
        "helpful": False,
        "reason": "unclear",
        "comment": "The table says lower of 2% or 250 EUR, but BW10 invoices are in GBP. Is the 250 EUR converted at the monthly group rate like the approval limits, or is there a fixed GBP amount?",
    },
    {
        "page": "release-a-blocked-invoice",
        "user": "jill.hartmann",
        "helpful": False,
        "reason": "steps-missing",
        "comment": "Nothing on invoices that carry block R and also sit on a vendor with Z1. I released the R block in MRBR and the invoice still did not appear in Thursday's proposal.",
    },
    {
        "page": "post-a-vendor-invoice",
        "user": "kasia.wrobel",
        "helpful": False,
        "reason": "wrong",
        "comment": "Step 5 says differences up to 5.00 post to 699100, but for a BW20 invoice in PLN MIRO stopped me at a 3.20 PLN difference. Is the small-difference tolerance for BW20 lower than the page says?",
    },
    {
        "page": "invoice-exceptions-faq",
        "user": "kasia.wrobel",
        "helpful": True,
        "reason": "",
        "comment": "",
    },
    {
        "page": "apply-customer-payments",
        "user": "arjun.menon",
        "helpful": True,
        "reason": "",
        "comment": "The differences table is exactly what I needed for short payments.",
    },
    {
        "page": "read-a-customer-account-in-fbl5n",
        "user": "arjun.menon",
        "helpful": False,
        "reason": "outdated",
        "comment": "Layout /AR_AGEING is no longer in the list; the closest is /AR_AGE2. The Statement button has also moved into the More menu after the upgrade.",
    },
    {
        "page": "post-a-gl-journal",
        "user": "fiona.gallagher",
        "helpful": False,
        "reason": "unclear",
        "comment": "Coming from Oracle I did not know what a tolerance group is or how to check my own posting limit. One line on where to see your limit before you start would help.",
    },
    {
        "page": "month-end-close-timetable",
        "user": "fiona.gallagher",
        "helpful": True,
        "reason": "",
        "comment": "",
    },
    {
        "page": "create-a-vendor-from-a-request",
        "user": "bartek.zielinski",
        "helpful": False,
        "reason": "steps-missing",
        "comment": "It does not say what to do when the vendor never answers the call-back. I waited two days and did not know whether to return the request or keep it claimed.",
    },
    {
        "page": "reconcile-a-corporate-card-statement",
        "user": "leo.martinez",
        "helpful": False,
        "reason": "outdated",
        "comment": "FBL3N on 118500 shows nothing since October. The team now checks the new card provider's feed on 118600, so the second T&E step points at the wrong account.",
    },
    {
        "page": "expense-policy-limits",
        "user": "leo.martinez",
        "helpful": True,
        "reason": "",
        "comment": "The hotel cap table answered three questions from travellers in my first week.",
    },
    {
        "page": "post-a-vendor-credit-memo",
        "user": "ben.ashworth",
        "helpful": False,
        "reason": "other",
        "comment": "Could do with a section on credits from vendors whose items are on the Z2 dispute block. Buyers ask me weekly whether the credit closes the dispute.",
    },
]
