"""Record to report: journals, intercompany, bank reconciliation and the coding rules behind them."""

from __future__ import annotations

CODING_GUIDE = {
    "slug": "gl-account-and-cost-centre-coding-guide",
    "title": "G/L account and cost centre coding guide",
    "kind": "reference",
    "summary": "How our chart of accounts is laid out, which accounts accept manual postings, how cost centre numbers are built, and the document types you will meet in the ledger.",
    "owner": "sam.thornton",
    "topics": ["Chart of accounts", "Cost centres", "Journal entries"],
    "verified_days_ago": 27,
    "interval": 180,
    "body": [
        (
            "text",
            "<p>All four company codes share one operating chart of accounts, <code>BWCA</code>. Accounts have six digits and the first digit tells you the statement section. Local statutory accounts are mapped through the alternative account number field, so you never post to a local account directly.</p>",
        ),
        ("heading", "Account ranges"),
        (
            "table",
            "Chart of accounts BWCA",
            ["Range", "Section", "Examples"],
            [
                [
                    "100000 to 199999",
                    "Assets",
                    "113000 Bank main account, 113100 Incoming bank clearing, 120000 Trade debtors (reconciliation), 155000 Intercompany receivable",
                ],
                [
                    "200000 to 299999",
                    "Liabilities",
                    "211000 Trade creditors (reconciliation), 211500 GR/IR clearing, 219000 Accrued liabilities, 255000 Intercompany payable",
                ],
                ["300000 to 399999", "Equity", "310000 Retained earnings (system only)"],
                [
                    "400000 to 499999",
                    "Revenue",
                    "400000 Product sales, 410000 Service revenue, 480000 Intercompany revenue",
                ],
                ["500000 to 599999", "Cost of sales", "500000 Material consumption, 520000 Freight in"],
                [
                    "600000 to 699999",
                    "Operating expenses",
                    "640000 Travel, 641000 Subsistence, 642000 Mileage, 699100 Small differences",
                ],
                [
                    "700000 to 799999",
                    "Financial items",
                    "710000 Realised FX, 711000 Unrealised FX, 720000 Bank charges",
                ],
            ],
        ),
        ("heading", "Accounts you cannot post to manually"),
        (
            "text",
            "<ul><li><strong>Reconciliation accounts</strong> (120000, 211000 and the other sub-ledger control accounts) are posted only through customer and vendor lines.</li><li><strong>211500 GR/IR clearing</strong> is posted only by goods receipts, invoices and MR11.</li><li><strong>711000 Unrealised FX</strong> is posted only by the revaluation run.</li><li><strong>310000 Retained earnings</strong> is posted only by balance carry-forward.</li></ul>",
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard allows manual postings to GR/IR and unrealised FX if the account is not flagged as automatic-only, and those flags were never set in our original implementation. We added a validation, message <code>ZGL 012</code>, that rejects any FB50, F-02 or upload line to these accounts unless the user has role <code>Z_FI_GL_SENIOR</code>. It exists because manual GR/IR entries kept breaking the monthly GR/IR clearing.</p>",
        ),
        ("heading", "Cost centre numbers"),
        (
            "text",
            "<p>Cost centres have eight digits: two for the company code, three for the department, three for a sequence. Every cost centre has exactly one owner recorded in the cost centre master, and that owner is the first approver for non-PO invoices and expense claims charged to it.</p>",
        ),
        (
            "code",
            "CC DDD NNN\n10 410 001  = BW10, Finance Shared Services, Leeds\n20 410 001  = BW20, Finance Shared Services, Kraków\n30 300 014  = BW30, Sales, Austin region 14\nDepartments: 100 Production  200 Logistics  300 Sales  400 Finance\n             410 Shared Services  500 HR  600 IT  700 R&D",
            "",
        ),
        ("heading", "Document types"),
        (
            "table",
            "",
            ["Type", "Used for", "Number range starts"],
            [
                ["SA", "Manual G/L journal", "10"],
                ["ZA", "Accrual, reverses automatically on day 1 of next period", "11"],
                ["ZI", "Intercompany recharge posted with ZIC_POST", "12"],
                ["ZU", "Journal posted from ZJE_UPLOAD", "13"],
                ["KR / KG", "Vendor invoice / credit without PO", "19 / 16"],
                ["RE", "Invoice posted in MIRO", "51"],
                ["AB", "Clearing document", "01"],
            ],
        ),
        ("who_to_ask", ["Chart of accounts", "Cost centres"], "if you cannot find the right account or cost centre"),
    ],
}

POST_GL_JOURNAL = {
    "slug": "post-a-gl-journal",
    "title": "Post a general ledger journal",
    "kind": "procedure",
    "summary": "Posting a G/L-only journal in FB50, when you must park it in FV50 for review instead, what supporting evidence to attach, and the approval thresholds.",
    "owner": "sam.thornton",
    "topics": ["Journal entries", "Approval limits", "Segregation of duties"],
    "verified_days_ago": 14,
    "body": [
        (
            "text",
            "<p>Use FB50 for journals that touch only G/L accounts: reclassifications, corrections, allocations and accruals that are not set up as recurring. Journals with a vendor or customer line use F-02 and have their own page.</p>",
        ),
        ("heading", "Approval thresholds"),
        (
            "table",
            "Manual journals (largest single line, EUR equivalent)",
            ["Amount", "How to post", "Reviewer"],
            [
                ["Up to 10,000", "Post directly in FB50", "None before posting; sampled monthly"],
                ["10,000 to 250,000", "Park in FV50", "A senior GL accountant"],
                ["250,000 to 1,000,000", "Park in FV50", "GL team lead"],
                ["Over 1,000,000", "Park in FV50", "GL team lead and company code finance director"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Standard FB50 has no amount limit beyond the user's tolerance group. We set the tolerance group for all GL accountants to 10,000 EUR per line and built the <code>ZJE_APPR</code> worklist, which shows parked journals to the right reviewer by amount and company code. The reviewer posts from the worklist. You can never review your own journal: the worklist hides documents you parked.</p>",
        ),
        ("heading", "Post or park the journal"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open FB50 (or FV50 if above 10,000 EUR). Enter document date, posting date, company code and currency. Choose document type <strong>SA</strong> unless the journal is an accrual (<strong>ZA</strong>).</p>",
                    "FB50",
                ),
                (
                    "<p>In the header text write what and why in plain words, for example <em>Reclass Oct freight from 500000 to 520000, wrong GL on PO 4500123456</em>. The reviewer rejects vague texts such as <em>Correction</em>.</p>",
                    "FB50",
                ),
                (
                    "<p>Enter the lines: G/L account, debit or credit, amount, tax code where relevant (usually none for journals), cost centre for P&amp;L accounts, and an assignment that lets someone find the item later.</p>",
                    "FB50",
                ),
                (
                    "<p>Attach the evidence using <strong>Services for object, Create attachment</strong>: the calculation spreadsheet, e-mail approval or invoice copy.</p>",
                    "FB50",
                ),
                (
                    "<p>Simulate, then Post (FB50) or Save as completed (FV50). Parked journals appear in the reviewer's ZJE_APPR worklist immediately.</p>",
                    "FV50",
                ),
            ],
        ),
        (
            "callout",
            "warning",
            "<p>Do not split a journal into several documents to stay under 10,000 EUR per line. The monthly sample specifically looks for same-day journals by the same user to the same accounts, and it is treated as a control breach.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>If the posting period is closed, FB50 shows message F5 201. After 17:00 on working day 3 of the close only the senior GL role can post to the prior period; ask Helen's team, do not ask Finance Systems to open the period.</p>",
        ),
        ("who_to_ask", ["Journal entries", "Approval limits"], "before posting anything unusual or large"),
    ],
}

F02_JOURNAL = {
    "slug": "post-a-journal-with-a-vendor-or-customer-line",
    "title": "Post a journal with a vendor or customer line (F-02)",
    "kind": "how-to",
    "summary": "When to use F-02 instead of FB50, the posting keys you need, and how to reclassify an item between vendors or customers without breaking the sub-ledger.",
    "owner": "sam.thornton",
    "topics": ["Journal entries", "Chart of accounts"],
    "verified_days_ago": 188,
    "body": [
        (
            "text",
            "<p>F-02 is the general posting transaction. We use it mainly to move an open item from one vendor or customer account to another, to write off small customer balances, and to post the rare entries that need a sub-ledger line alongside G/L lines. It is older and less forgiving than FB50, so take it slowly.</p>",
        ),
        ("heading", "Posting keys you need"),
        (
            "table",
            "",
            ["Key", "Meaning"],
            [
                ["01 / 11", "Customer invoice (debit) / customer credit memo (credit)"],
                ["21 / 31", "Vendor credit memo (debit) / vendor invoice (credit)"],
                ["40 / 50", "G/L debit / G/L credit"],
                ["09 / 19, 29 / 39", "Special G/L (down payments, guarantees); do not use without asking"],
            ],
        ),
        ("heading", "Move an invoice from one vendor to another"),
        (
            "steps",
            "",
            [
                (
                    "<p>Check the item is not yet paid and not in a payment proposal. Note the document number, amount and due date.</p>",
                    "FBL1N",
                ),
                (
                    "<p>Open F-02 with document type <strong>SA</strong>. First line: posting key <strong>21</strong>, the wrong vendor, same amount, same reference, and in the item text <em>Reclass to vendor 100234, posted to wrong account</em>.</p>",
                    "F-02",
                ),
                (
                    "<p>Second line: posting key <strong>31</strong>, the correct vendor, same amount, same baseline date and payment terms as the original.</p>",
                    "F-02",
                ),
                (
                    "<p>Simulate and post. Then clear the original invoice against the new debit on the wrong vendor in F-44.</p>",
                    "F-44",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Our F-02 has a substitution that copies the original tax reporting date and invoice reference from the first sub-ledger line to the second. Standard does not, and without it the VAT return for BW10 listed the reclassified invoice twice. If you ever see a reclassified invoice with a blank reference, the substitution did not fire; tell Finance Systems.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Never use F-02 to reclassify between company codes. That is an intercompany recharge and goes through ZIC_POST.</p>",
        ),
        ("who_to_ask", ["Journal entries"], "before using any special G/L posting key"),
    ],
}

JE_UPLOAD = {
    "slug": "upload-journals-from-a-spreadsheet",
    "title": "Upload journals from a spreadsheet (ZJE_UPLOAD)",
    "kind": "how-to",
    "summary": "Using the ZJE_UPLOAD template to post multi-line journals such as allocations: the template columns, validation, and how uploads are approved.",
    "owner": "sam.thornton",
    "topics": ["Journal entries", "Custom transactions", "Cost centres"],
    "verified_days_ago": 112,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>For journals with more than about 20 lines, typing them into FB50 is slow and error-prone. ZJE_UPLOAD reads a spreadsheet in our template, validates every line against the live master data and either posts or parks the result as document type <strong>ZU</strong>.</p>",
        ),
        ("heading", "The template"),
        (
            "text",
            "<p>Download the current template from inside the transaction with <strong>Get template</strong>. Old copies saved on shared drives are rejected because the template carries a version number in cell A1.</p>",
        ),
        (
            "table",
            "Template columns",
            ["Column", "Content", "Rules"],
            [
                ["A", "Journal key", "Same key for all lines of one journal; the file can hold several journals"],
                ["B", "Company code", "BW10, BW20, BW30 or BW40; one company code per journal key"],
                ["C", "Posting date", "DD.MM.YYYY"],
                ["D", "G/L account", "Six digits, must allow manual posting"],
                ["E", "Debit / credit", "D or C"],
                ["F", "Amount", "Positive, two decimals, in document currency"],
                ["G", "Cost centre", "Required for accounts 500000 to 699999"],
                ["H", "Line text", "Required, up to 50 characters"],
            ],
        ),
        ("heading", "Upload"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZJE_UPLOAD, choose the file, and enter a header text that describes the whole upload.</p>",
                    "ZJE_UPLOAD",
                ),
                (
                    "<p>Press <strong>Validate</strong>. Errors are listed by row; fix them in the spreadsheet and validate again. Do not fix them in the system afterwards.</p>",
                    "ZJE_UPLOAD",
                ),
                (
                    "<p>When validation is clean, press <strong>Submit</strong>. Journals under the 10,000 EUR line limit post immediately; larger ones are parked and go to ZJE_APPR like any other journal.</p>",
                    "ZJE_UPLOAD",
                ),
                ("<p>The spreadsheet is attached to each resulting document automatically.</p>", None),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>ZJE_UPLOAD is entirely our own. The vendor offers a generic upload app, but it posts without validating cost centre and account combinations and without attaching the source file, both of which our auditors require for allocation journals.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>The monthly IT cost allocation and the facilities recharge have saved templates under <strong>My variants</strong>. Start from those rather than from an empty template.</p>",
        ),
        ("who_to_ask", ["Journal entries", "Custom transactions"], "if validation rejects a line you think is correct"),
    ],
}

JOURNAL_FAQ = {
    "slug": "journal-entries-faq",
    "title": "Journal entries: frequently asked questions",
    "kind": "faq",
    "summary": "Short answers on reversing journals, posting into prior periods, rejected parked journals, and who can see what in the ZJE_APPR worklist.",
    "owner": "sam.thornton",
    "topics": ["Journal entries", "Posting periods", "Approval limits"],
    "verified_days_ago": 66,
    "body": [
        ("heading", "Corrections and reversals"),
        ("subheading", "I posted a journal with the wrong cost centre. Do I reverse it or post a correction?"),
        (
            "text",
            "<p>If it is in the current open period and nothing has cleared against it, reverse it in FB08 with reason <strong>01</strong> and post it again correctly. If the period is closed, post a correcting journal in the current period that moves the cost, and reference the original document in the header text.</p>",
        ),
        ("subheading", "Can I reverse somebody else's journal?"),
        (
            "text",
            "<p>Technically yes, but do not do it without talking to them. Reversals above 10,000 EUR follow the same approval thresholds as a new journal.</p>",
        ),
        ("heading", "Periods"),
        ("subheading", "The system says the period is not open. Who opens it?"),
        (
            "text",
            "<p>Nobody opens it for you. After working day 3 of the close only the GL team lead and senior accountants can post into the previous period, and only for adjustments agreed on the close call. Post in the current period instead.</p>",
        ),
        ("subheading", "Can I post into next month?"),
        (
            "text",
            "<p>Next month's period opens on the last working day of the current month at 18:00 UK. Before that you cannot, and you should not want to.</p>",
        ),
        ("heading", "Approvals"),
        ("subheading", "My parked journal disappeared from ZJE_APPR."),
        (
            "text",
            "<p>It was either posted or rejected. Rejected journals come back to you as a workflow item with the reviewer's comment; check your inbox in the Fiori launchpad.</p>",
        ),
        ("subheading", "Why can I not see a journal my colleague asked me to review?"),
        (
            "text",
            "<p>The worklist only shows journals within your approval limit and company codes. If it is above your limit, it went to someone more senior.</p>",
        ),
        ("who_to_ask", ["Journal entries", "Posting periods"], "for anything not covered here"),
    ],
}

INTERCOMPANY_RECHARGE = {
    "slug": "post-an-intercompany-recharge",
    "title": "Post an intercompany recharge",
    "kind": "procedure",
    "summary": "Recharging costs between Brightwater company codes with ZIC_POST, which posts both sides at once, sets the trading partner and produces the recharge invoice.",
    "owner": "sam.thornton",
    "topics": ["Intercompany", "Journal entries", "Tax codes"],
    "verified_days_ago": 9,
    "body": [
        (
            "text",
            "<p>Costs incurred by one Brightwater company on behalf of another, such as shared IT licences paid by BW10 or Kraków staff time spent on UK work, are recharged monthly. Each recharge needs a posting in both company codes and, for BW20 and BW40, a legal invoice. ZIC_POST does all of that in one step.</p>",
        ),
        ("heading", "Before you start"),
        (
            "text",
            "<ul><li>Agree the amount with the receiving company's GL contact by e-mail; attach that e-mail.</li><li>Recharges follow the transfer pricing agreement: service recharges carry a 5% mark-up, pass-through costs carry none. The type decides which revenue account is used.</li><li>Recharges must be posted by <strong>17:00 UK on working day 1</strong> so the receiving company can accrue or book them before intercompany matching.</li></ul>",
        ),
        ("heading", "Post the recharge"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZIC_POST. Enter sending company code, receiving company code, posting date and recharge type (<strong>SRV</strong> with mark-up or <strong>PTC</strong> pass-through).</p>",
                    "ZIC_POST",
                ),
                (
                    "<p>Enter the cost lines in the sending company: the expense account and cost centre being credited, and the amount before mark-up. The mark-up line is added automatically for SRV.</p>",
                    "ZIC_POST",
                ),
                (
                    "<p>Enter the receiving company's cost centre for each line. ZIC_POST proposes the expense account from the sending line; change it only if the receiving company books the cost differently.</p>",
                    "ZIC_POST",
                ),
                (
                    "<p>Check the tax tab. UK to Poland services are reverse-charged, so BW10 posts with output tax code <code>O0</code> and BW20 self-accounts with <code>PR</code>. The transaction proposes these; do not override without checking with tax.</p>",
                    "ZIC_POST",
                ),
                (
                    "<p>Simulate. You see two documents, one per company code, both type <strong>ZI</strong> with the trading partner filled. Post.</p>",
                    "ZIC_POST",
                ),
                (
                    "<p>The recharge invoice PDF is generated and e-mailed to the receiving company's AP mailbox. They do not need to post it; it is for their tax file.</p>",
                    None,
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard cross-company posting creates clearing lines between the company codes but no invoice and no mark-up. Poland and India require a proper invoice for intercompany services, and the tax authorities in both have queried missing ones, so ZIC_POST generates an invoice with its own number range per sending company code.</p>",
        ),
        ("who_to_ask", ["Intercompany", "Tax codes"], "for transfer pricing or tax questions on a recharge"),
    ],
}

INTERCOMPANY_MATCH = {
    "slug": "match-intercompany-balances",
    "title": "Match intercompany balances at month end",
    "kind": "procedure",
    "summary": "The monthly intercompany match in ZIC_MATCH: running it, explaining differences over 1,000 EUR, and agreeing corrections with the other company by working day 2.",
    "owner": "sam.thornton",
    "topics": ["Intercompany", "Month-end close", "Foreign currency revaluation"],
    "verified_days_ago": 140,
    "body": [
        (
            "text",
            "<p>Intercompany receivables and payables must agree before the group can consolidate. We match them monthly in ZIC_MATCH, which compares each pair of company codes by trading partner and shows the difference in group currency (EUR).</p>",
        ),
        ("heading", "Run the match"),
        (
            "steps",
            "",
            [
                (
                    "<p>On working day 2 from 08:00 UK, open ZIC_MATCH with the period and all four company codes. Use variant <code>/MONTHEND</code>.</p>",
                    "ZIC_MATCH",
                ),
                (
                    "<p>Each row is a pair, for example BW10 against BW20. Green rows agree within 1,000 EUR; amber rows differ by 1,000 to 10,000 EUR; red rows differ by more.</p>",
                    "ZIC_MATCH",
                ),
                (
                    "<p>Drill into an amber or red row to see the open items on both sides. Items with the same ZI recharge invoice number are paired automatically; what remains is the difference.</p>",
                    "ZIC_MATCH",
                ),
                (
                    "<p>For each unpaired item decide who is wrong and enter an explanation code: <strong>T</strong> timing (posted on one side only), <strong>F</strong> FX, <strong>A</strong> amount disagreement, <strong>M</strong> missing on one side.</p>",
                    "ZIC_MATCH",
                ),
                (
                    "<p>Agree corrections with the other company's GL contact. The company that is wrong posts the correction by <strong>12:00 UK on working day 3</strong>.</p>",
                    None,
                ),
                (
                    "<p>Re-run the match after corrections and press <strong>Confirm pair</strong> on each row. Confirmation is a task on the close checklist.</p>",
                    "ZIC_MATCH",
                ),
            ],
        ),
        ("heading", "FX differences"),
        (
            "text",
            "<p>Differences caused only by exchange rates (code F) are expected when one side holds the balance in its local currency. They do not need correcting as long as both sides used the month-end group rate. If one side revalued and the other did not, the revaluation run was probably missed in that company code.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>Austin is six hours behind Leeds. On working day 2, BW30 contacts come online at 14:00 UK; send them your list of differences before you leave so they can work on it in their afternoon.</p>",
        ),
        ("who_to_ask", ["Intercompany", "Foreign currency revaluation"], "for differences you cannot explain"),
    ],
}

BANK_REC = {
    "slug": "reconcile-the-bank-statement",
    "title": "Reconcile the daily bank statement",
    "kind": "procedure",
    "summary": "Checking that the overnight statement import ran, working unposted items in FEBAN, and keeping the bank clearing accounts free of items older than five days.",
    "owner": "yusuf.demir",
    "topics": ["Bank reconciliation", "Cash application", "Payment runs"],
    "verified_days_ago": 24,
    "interval": 30,
    "body": [
        (
            "text",
            "<p>Every bank account is reconciled every working day. Statements arrive electronically (camt.053 for European banks, BAI2 for the US bank, MT940 for the Indian bank) and are imported at 06:00 UK. Most lines post and clear automatically; your job is the rest.</p>",
        ),
        ("heading", "Daily steps"),
        (
            "steps",
            "",
            [
                (
                    "<p>Check the import log in FF_5 display mode or the Fiori tile <em>Bank statement monitor</em>. Every account should show yesterday's statement with a closing balance equal to the bank portal.</p>",
                    "FF_5",
                ),
                (
                    "<p>Open FEBAN, select the company code and yesterday's statement date. Items with a red or amber light did not fully post.</p>",
                    "FEBAN",
                ),
                (
                    "<p>For each unposted item, read the note to payee and decide: incoming customer payment (leave for cash application, which picks it up from clearing account 113100), bank charge (post to 720000), returned payment (post to 113900 and tell the payments team), or unknown (post to 113100 with a note).</p>",
                    "FEBAN",
                ),
                (
                    "<p>Run FBL3N on 113100 and 113200 with items older than 5 days. Each one needs an owner and a note in the assignment field.</p>",
                    "FBL3N",
                ),
                (
                    "<p>Tick the account on the daily reconciliation sheet in ZCLOSE_CKL, which keeps the evidence for audit.</p>",
                    "ZCLOSE_CKL",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Outgoing payments clear automatically because we added interpretation algorithm <code>Z01</code>. It reads the payment run identification and payment document number that our F110 writes into the end-to-end reference of each transfer, and clears the outgoing clearing account line for line. Standard algorithms only search the free-text note, which banks truncate, and before Z01 we cleared outgoing payments by hand every day.</p>",
        ),
        ("heading", "Targets"),
        (
            "table",
            "",
            ["Measure", "Target"],
            [
                ["Statements imported and checked", "By 10:00 UK every working day"],
                ["Items in 113100 / 113200 older than 5 working days", "Zero without a note"],
                ["Items older than 30 days", "Zero; escalate to the GL team lead"],
            ],
        ),
        (
            "who_to_ask",
            ["Bank reconciliation", "Cash application"],
            "for statements that do not import or items nobody recognises",
        ),
    ],
}

AREA = {
    "slug": "record-to-report",
    "title": "Record to report",
    "summary": "<p>Keeping the general ledger right: manual journals, intercompany recharges and matching, daily bank reconciliation, and the coding rules that everything else depends on.</p>",
    "process_owner": "helen.brooks",
    "owner": "sam.thornton",
    "topics": ["Journal entries", "Intercompany", "Bank reconciliation", "Chart of accounts"],
    "articles": [CODING_GUIDE],
    "processes": [
        {
            "slug": "journal-entries",
            "title": "Journal entries",
            "summary": "<p>Posting, reviewing and correcting manual journals in FB50, F-02 and ZJE_UPLOAD, and the approval thresholds that apply.</p>",
            "process_owner": "helen.brooks",
            "owner": "sam.thornton",
            "topics": ["Journal entries", "Approval limits"],
            "articles": [POST_GL_JOURNAL, F02_JOURNAL, JE_UPLOAD, JOURNAL_FAQ],
            "processes": [],
        },
        {
            "slug": "intercompany",
            "title": "Intercompany",
            "summary": "<p>Recharging costs between Brightwater companies and agreeing intercompany balances every month.</p>",
            "process_owner": "helen.brooks",
            "owner": "sam.thornton",
            "topics": ["Intercompany"],
            "articles": [INTERCOMPANY_RECHARGE, INTERCOMPANY_MATCH],
            "processes": [],
        },
        {
            "slug": "bank-reconciliation",
            "title": "Bank reconciliation",
            "summary": "<p>Daily import and reconciliation of bank statements for every Brightwater bank account.</p>",
            "process_owner": "helen.brooks",
            "owner": "yusuf.demir",
            "topics": ["Bank reconciliation"],
            "articles": [BANK_REC],
            "processes": [],
        },
    ],
}
