"""The shared topic vocabulary of the Brightwater Manufacturing demo organisation.

Every topic named by a person, page, training material or who-to-ask block appears here exactly once.
"""

from __future__ import annotations

TOPICS = [
    # Procure to pay
    (
        "Purchase orders",
        "Raising, changing and approving purchase orders in ME21N/ME22N, including release strategies.",
    ),
    ("Goods receipt", "Recording deliveries and service confirmations against purchase orders in MIGO."),
    (
        "Three-way match",
        "Matching invoice, purchase order and goods receipt, and the price and quantity tolerances we apply.",
    ),
    (
        "Invoice inbox",
        "The ZAP_INBOX queue where scanned and e-mailed vendor invoices arrive, are assigned and are worked.",
    ),
    (
        "Invoice parking",
        "Parking incomplete or out-of-tolerance invoices, parking reasons and getting parked documents posted.",
    ),
    (
        "Non-PO invoices",
        "Invoices without a purchase order, posted in FB60 and approved through the invoice inbox workflow.",
    ),
    ("Payment runs", "The twice-weekly F110 payment runs, proposal review in ZPAY_REVIEW and bank file release."),
    ("Payment blocks", "What each payment block key means, who may set it and who may remove it."),
    ("Credit memos", "Vendor credit notes and subsequent debits, and how they offset open invoices."),
    # Record to report
    ("Journal entries", "Manual general ledger postings in FB50, F-02 and the ZJE_UPLOAD spreadsheet upload."),
    (
        "Accruals",
        "Month-end accruals for goods and services received but not yet invoiced, and their automatic reversal.",
    ),
    ("Intercompany", "Recharges and balances between Brightwater company codes, and the monthly intercompany match."),
    ("Bank reconciliation", "Importing bank statements and clearing the bank clearing accounts."),
    ("Cost centres", "The cost centre structure, who owns which cost centre, and how to code costs correctly."),
    ("Chart of accounts", "The group chart of accounts, account ranges and which accounts accept manual postings."),
    ("Foreign currency revaluation", "Month-end revaluation of open items and balances held in foreign currency."),
    # Order to cash
    ("Billing", "Creating, correcting and cancelling customer billing documents in VF01, VF02 and VF11."),
    ("Credit management", "Customer credit limits, blocked sales orders and the ZCREDIT_REL release workflow."),
    ("Dunning", "The dunning run, dunning levels, letter texts and when to stop dunning a customer."),
    ("Cash application", "Matching incoming customer payments to open invoices, including the ZCASH_MATCH proposals."),
    (
        "Customer master data",
        "Customer accounts, payment terms, dunning procedures and credit segments on the customer record.",
    ),
    ("Customer disputes", "Recording and resolving customer disputes about price, quantity or delivery."),
    # Month-end close
    (
        "Month-end close",
        "The monthly close timetable across the four company codes and who does what on each working day.",
    ),
    ("Close checklist", "The ZCLOSE_CKL task list that tracks every close activity, its owner and its evidence."),
    ("Posting periods", "Opening and closing posting periods, and who may post into a closed period."),
    ("GR/IR clearing", "Reviewing and clearing the goods received / invoice received clearing account."),
    # Vendor master data
    (
        "Vendor master data",
        "Vendor records in XK01, XK02 and FK03: fields, account groups and the controls around them.",
    ),
    ("Vendor onboarding", "Requesting a new vendor through ZVEND_REQ, due diligence and the documents we need."),
    ("Bank details changes", "Changing a vendor's bank account safely: call-back verification and dual control."),
    ("Duplicate vendor checks", "Finding and preventing duplicate vendor records with ZVEND_DUP."),
    ("Tax codes", "Input and output tax codes for each company code and when to use which."),
    # Expenses
    ("Expense claims", "Submitting, approving and paying employee expense claims."),
    ("Corporate cards", "Issuing, reconciling, suspending and cancelling corporate cards."),
    ("Per diems", "Daily allowances for business travel, by country and trip length."),
    ("Mileage", "Claiming business mileage in a private car and the rates we pay."),
    # Cross-cutting
    ("Approval limits", "Who may approve what, and up to which amount, across invoices, journals and expenses."),
    ("Segregation of duties", "Which combinations of tasks one person may not hold, and how our roles enforce that."),
    ("System access", "Requesting ERP roles, authorisation errors and who grants access."),
    (
        "Custom transactions",
        "Our own Z transactions: what each one does and where it departs from the vendor standard.",
    ),
]
