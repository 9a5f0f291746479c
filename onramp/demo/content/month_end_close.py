"""Month-end close: the timetable, the close checklist, accruals, GR/IR, periods and revaluation."""

from __future__ import annotations

TIMETABLE = {
    "slug": "month-end-close-timetable",
    "title": "Month-end close timetable",
    "kind": "reference",
    "summary": "What happens on each working day of the close, by when, and who is responsible, for all four company codes. All times are UK time.",
    "owner": "helen.brooks",
    "topics": ["Month-end close", "Close checklist", "Posting periods"],
    "verified_days_ago": 5,
    "interval": 30,
    "body": [
        (
            "text",
            "<p>We close in four working days and report to the group on working day 4. Working day 1 (WD1) is the first working day of the new month in the UK calendar, even for Austin, Kraków and Pune. Every task below is also a task in ZCLOSE_CKL with a named owner.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>All times are <strong>UK time</strong>. For Austin colleagues, 12:00 UK is 06:00 in Austin for most of the year, so a WD1 noon cut-off means the work has to be done the evening before. Pune is four and a half or five and a half hours ahead depending on UK summer time.</p>",
        ),
        ("heading", "Before the month ends"),
        (
            "table",
            "",
            ["When", "Task", "Owner"],
            [
                ["WD-3, 17:00", "Accrual requests from budget holders due", "Budget holders, collected by GL"],
                ["WD-2", "Recurring journals scheduled; payroll journal received", "GL"],
                ["WD-1, 18:00", "Next month's period opens for all users", "Automatic (period control job)"],
            ],
        ),
        ("heading", "Close days"),
        (
            "table",
            "",
            ["When", "Task", "Owner"],
            [
                ["WD1, 12:00", "AP invoice cut-off for the old month", "AP"],
                ["WD1, 17:00", "Intercompany recharges posted", "GL"],
                [
                    "WD1, 18:00",
                    "Materials management period closed; no more goods receipts in the old month",
                    "Finance Systems (job)",
                ],
                ["WD1, evening", "Depreciation run; accrual reversals scheduled", "GL (job)"],
                ["WD2, 08:00", "Intercompany match opens in ZIC_MATCH", "GL"],
                ["WD2, 12:00", "Manual accruals posted", "GL"],
                ["WD2, 16:00", "Foreign currency revaluation run", "GL Kraków"],
                ["WD2, 17:00", "GR/IR review complete", "GL Kraków with AP"],
                ["WD3, 10:00", "Close call: open issues and late adjustments", "GL team lead chairs"],
                ["WD3, 12:00", "Intercompany corrections posted; pairs confirmed", "GL"],
                ["WD3, 17:00", "Old period closed except for senior GL role", "Automatic (period control job)"],
                ["WD4, 15:00", "Reporting pack submitted to group", "GL team lead"],
                ["WD8", "Balance sheet reconciliations signed off", "Account owners, reviewed by GL"],
            ],
        ),
        ("heading", "Year end"),
        (
            "text",
            "<p>December adds two days: the period stays open for senior GL until WD5, and period 13 opens for audit adjustments until the end of February. The year-end timetable is published in ZCLOSE_CKL every November.</p>",
        ),
        (
            "who_to_ask",
            ["Month-end close", "Close checklist"],
            "if a task or time here does not match what you were told",
        ),
    ],
}

CLOSE_CHECKLIST = {
    "slug": "use-the-close-checklist",
    "title": "Use the close checklist (ZCLOSE_CKL)",
    "kind": "procedure",
    "summary": "Finding your close tasks in ZCLOSE_CKL, recording completion with evidence, reporting exceptions and what the reviewer sign-off means.",
    "owner": "grace.fitzgerald",
    "topics": ["Close checklist", "Month-end close", "Custom transactions"],
    "verified_days_ago": 31,
    "body": [
        (
            "text",
            "<p>ZCLOSE_CKL holds every close task for every company code: about 180 tasks each month. Each task has an owner, a due time, dependencies, and for key controls a reviewer. The GL team lead runs the close from its dashboard, so if your task is not marked done, as far as the close is concerned it has not happened.</p>",
        ),
        ("heading", "Work your tasks"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZCLOSE_CKL. It opens on <strong>My tasks</strong> for the current close period. Switch the period with the drop-down if you are finishing last month's tasks.</p>",
                    "ZCLOSE_CKL",
                ),
                (
                    "<p>Tasks are grey (waiting for a predecessor), white (ready), amber (due within 2 hours) or red (late). Start with red, then amber.</p>",
                    "ZCLOSE_CKL",
                ),
                (
                    "<p>Open a task to see its instructions and, where relevant, a button that launches the transaction, for example the revaluation task opens FAGL_FCV with the right variant.</p>",
                    "ZCLOSE_CKL",
                ),
                (
                    "<p>When finished, attach the evidence (report output, reconciliation spreadsheet or a screenshot) and press <strong>Done</strong>. Tasks marked as controls cannot be set to Done without an attachment.</p>",
                    "ZCLOSE_CKL",
                ),
                (
                    "<p>If you finished but something is wrong, use <strong>Done with exception</strong> and describe the issue. It appears on the close call agenda automatically.</p>",
                    "ZCLOSE_CKL",
                ),
            ],
        ),
        ("heading", "Reviewer sign-off"),
        (
            "text",
            "<p>Control tasks have a reviewer, who sees them in <strong>To review</strong> once you mark them done. The reviewer either signs off or returns the task with a comment. Returned tasks go back to red. A reviewer cannot review a task they performed; the checklist will not allow it.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor offers a closing cockpit that schedules and monitors jobs well, and we still use it behind the scenes for the automatic jobs. We built ZCLOSE_CKL on top because the cockpit does not hold evidence attachments or a separate reviewer sign-off, and our lenders' auditors at BW30 test both every quarter. Automatic jobs from the cockpit update their ZCLOSE_CKL task status themselves.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>Set up <strong>Delegation</strong> in the checklist before you go on leave during a close week. Without it, your tasks turn red and the GL team lead has to reassign them one at a time.</p>",
        ),
        ("who_to_ask", ["Close checklist"], "if a task is assigned to the wrong person or has the wrong time"),
    ],
}

CLOSE_FAQ = {
    "slug": "month-end-close-faq",
    "title": "Month-end close: frequently asked questions",
    "kind": "faq",
    "summary": "New starters' most common close questions: late invoices, missed deadlines, which date to use, and what happens on the close call.",
    "owner": "helen.brooks",
    "topics": ["Month-end close", "Accruals", "Posting periods"],
    "verified_days_ago": 150,
    "body": [
        ("heading", "Cut-offs"),
        ("subheading", "A big invoice dated last month arrived at 13:00 on WD1. Can it still go into last month?"),
        (
            "text",
            "<p>Not as an invoice: AP posting for the old month closed at 12:00. Post it with today's date and make sure it is covered by an accrual. If it is over 50,000 EUR and nobody accrued it, tell the GL team lead before WD2 12:00 so a manual accrual can be posted.</p>",
        ),
        ("subheading", "I missed a deadline. Who do I tell?"),
        (
            "text",
            "<p>Mark the task <strong>Done with exception</strong> in ZCLOSE_CKL, or comment on it if it is not done, and message the GL team lead. Quietly finishing late is worse than being late, because others may already have relied on the numbers.</p>",
        ),
        ("heading", "Dates"),
        ("subheading", "Which posting date should I use during the close?"),
        (
            "text",
            "<p>For anything that belongs to the old month and is posted before its cut-off, use the last calendar day of the old month. After the cut-off, use today's date. Never use a date in the old month just because the period is still open for your role.</p>",
        ),
        ("subheading", "What is the difference between the document date and the posting date?"),
        (
            "text",
            "<p>The document date is the date on the source document, such as the invoice date. The posting date decides the period. They are often different during the close, and that is fine.</p>",
        ),
        ("heading", "The close call"),
        ("subheading", "Do I need to attend the WD3 close call?"),
        (
            "text",
            "<p>Only if you own a task marked Done with exception or late, or you were invited. The agenda is generated from ZCLOSE_CKL at 09:00 UK. It lasts 30 minutes and covers late adjustments above 25,000 EUR, intercompany pairs not confirmed, and anything that will delay the reporting pack.</p>",
        ),
        ("who_to_ask", ["Month-end close", "Posting periods"], "for anything about the close timetable"),
    ],
}

ACCRUALS = {
    "slug": "post-month-end-accruals",
    "title": "Post month-end accruals",
    "kind": "procedure",
    "summary": "Collecting accrual requests, using the ZACCR_PO proposal for services not yet confirmed, and posting auto-reversing accruals with document type ZA.",
    "owner": "helen.brooks",
    "topics": ["Accruals", "Month-end close", "Journal entries"],
    "verified_days_ago": 96,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>We accrue costs for goods and services received in the month but not yet invoiced or confirmed. Goods received against a PO are already in GR/IR and need no accrual. What needs accruing is mainly services with no service entry sheet yet, utilities, and anything without a PO.</p>",
        ),
        ("heading", "Materiality"),
        (
            "text",
            "<p>Accrue individual items of <strong>5,000 EUR equivalent or more</strong>. Smaller items are not accrued unless there are many of the same kind (for example a month of courier charges). Do not accrue for anything that is a future commitment rather than a cost already incurred.</p>",
        ),
        ("heading", "Collect the accruals"),
        (
            "steps",
            "",
            [
                (
                    "<p>By WD-3 17:00 budget holders submit accrual requests through the finance portal form. Export the list from the portal on WD-2.</p>",
                    None,
                ),
                (
                    "<p>On WD1 run ZACCR_PO for each company code with the period end date. It lists open ZSRV PO lines whose delivery date is in or before the period and that have no accepted service entry sheet, and proposes an accrual for the open value.</p>",
                    "ZACCR_PO",
                ),
                (
                    "<p>Compare the proposals with the requests. Remove duplicates (the same service in both lists) and any line the budget holder confirms was not delivered.</p>",
                    "ZACCR_PO",
                ),
            ],
        ),
        ("heading", "Post them"),
        (
            "steps",
            "",
            [
                (
                    "<p>From ZACCR_PO press <strong>Create accruals</strong>. It creates one ZA document per cost centre owner, debit expense, credit <code>219000</code>, with the PO number in the assignment field.</p>",
                    "ZACCR_PO",
                ),
                (
                    "<p>Post the manual requests in FBS1 with document type <strong>ZA</strong>, posting date the last day of the period, and reversal date the first day of the next period. Use reason code 05.</p>",
                    "FBS1",
                ),
                (
                    "<p>Attach the portal export to one of the FBS1 documents and list all the document numbers on the accruals task in ZCLOSE_CKL.</p>",
                    "ZCLOSE_CKL",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>In the vendor standard, FBS1 accruals are reversed by running F.81 each month. Our document type ZA reverses itself: a job on the evening of WD1 of the next month reverses every ZA document whose reversal date has arrived. We made the change after a month in which F.81 was run with the wrong selection and half of the accruals stayed in the ledger twice. ZACCR_PO is also ours; the standard has no service accrual proposal.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Accruals over 10,000 EUR per line still fall under the journal approval thresholds. Instead of posting them in FBS1, park them in FV50 with document type ZA so they appear in ZJE_APPR for review. Our reversal job treats a ZA document without a reversal date as reversing on the first day of the next period.</p>",
        ),
        ("who_to_ask", ["Accruals"], "if you are unsure whether something should be accrued"),
    ],
}

GRIR = {
    "slug": "review-and-clear-gr-ir",
    "title": "Review and clear the GR/IR account",
    "kind": "procedure",
    "summary": "The monthly GR/IR review in ZGRIR_MON: ageing the balance, chasing the cause of old differences, and clearing them with MR11 within the agreed limits.",
    "owner": "yusuf.demir",
    "topics": ["GR/IR clearing", "Three-way match", "Goods receipt"],
    "verified_days_ago": 260,
    "body": [
        (
            "text",
            "<p>Account <code>211500</code> GR/IR clearing should hold only genuine timing differences: goods received and not yet invoiced, or invoiced and not yet received. Anything older than a few months is almost always an error somewhere in procure to pay, and auditors look at it every year.</p>",
        ),
        ("heading", "Run the monitor"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZGRIR_MON with the company code and period end date. It groups open GR/IR items by purchase order line and ages them: 0 to 30 days, 31 to 90, 91 to 180, over 180.</p>",
                    "ZGRIR_MON",
                ),
                (
                    "<p>Filter to items over 90 days. For each PO line the monitor shows whether the difference is quantity (GR without invoice or invoice without GR) or value (price difference after invoice).</p>",
                    "ZGRIR_MON",
                ),
                (
                    "<p>Assign each line a cause code: <strong>G1</strong> invoice not received, <strong>G2</strong> goods receipt missing, <strong>G3</strong> price difference, <strong>G4</strong> PO closed but balance left, <strong>G5</strong> unknown. The monitor e-mails the buyer for G1 and G2.</p>",
                    "ZGRIR_MON",
                ),
            ],
        ),
        ("heading", "Clear old differences"),
        (
            "steps",
            "",
            [
                (
                    "<p>Differences that will not be resolved (for example a vendor that will never invoice a small quantity) are cleared in MR11. Enter the company code, vendor and PO, and a key date.</p>",
                    "MR11",
                ),
                (
                    "<p>Run in <strong>test mode</strong> first. Check the proposed write-off goes to the expense account from the PO line, not to a balance sheet account.</p>",
                    "MR11",
                ),
                ("<p>Run for real and note the document numbers on the GR/IR task in ZCLOSE_CKL.</p>", "MR11"),
            ],
        ),
        (
            "table",
            "Who may clear with MR11",
            ["Total write-off per PO line", "Who"],
            [
                ["Up to 1,000 EUR", "GL accountant"],
                ["1,000 to 10,000 EUR", "GL accountant with the buyer's e-mail agreement attached"],
                ["Over 10,000 EUR", "GL team lead only"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>ZGRIR_MON is ours. Standard GR/IR analysis exists, but it does not keep cause codes from month to month, so every month the same lines were investigated from scratch. The monitor remembers the last cause code and comment per PO line.</p>",
        ),
        ("who_to_ask", ["GR/IR clearing", "Goods receipt"], "for old GR/IR lines nobody owns"),
    ],
}

PERIODS = {
    "slug": "open-and-close-posting-periods",
    "title": "Open and close posting periods",
    "kind": "procedure",
    "summary": "How our posting periods are controlled by the period control job, who can post in which period, and the manual steps Finance Systems takes when the timetable changes.",
    "owner": "olu.adebayo",
    "topics": ["Posting periods", "Month-end close", "System access"],
    "verified_days_ago": 300,
    "interval": 180,
    "body": [
        (
            "text",
            "<p>Posting periods decide which months anyone can post into. For most finance users this page is background: you just need to know that periods open and close on a fixed timetable and nobody opens them on request. The steps below are for Finance Systems.</p>",
        ),
        ("heading", "How periods are set up"),
        (
            "table",
            "Posting period variant BW00 (all four company codes)",
            ["Interval", "Who it applies to", "Normally open"],
            [
                ["1", "All users (no authorisation group)", "Old month until WD3 17:00; new month from WD-1 18:00"],
                ["2", "Authorisation group GLSR (senior GL role)", "Old month until the reporting pack is sent on WD4"],
                ["MM", "Materials management period", "Old month until WD1 18:00"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>In the vendor standard, periods are opened and closed manually in OB52. We schedule the changes with our job <code>ZPERIOD_CTL</code>, which reads the close timetable from ZCLOSE_CKL and updates OB52 at the set times. OB52 itself is display-only for everyone except two Finance Systems emergency users. We did this because manual period changes were forgotten twice in one year, and one of those delayed group reporting.</p>",
        ),
        ("heading", "Change the timetable (Finance Systems only)"),
        (
            "steps",
            "",
            [
                (
                    "<p>Get the GL team lead's written request, for example to extend interval 2 by a day because of a bank holiday.</p>",
                    None,
                ),
                (
                    "<p>In ZCLOSE_CKL open the period control tasks for the month and change the due times. ZPERIOD_CTL picks up the new times on its next run, every 15 minutes.</p>",
                    "ZCLOSE_CKL",
                ),
                (
                    "<p>Check the job log in SM37 for job <code>ZPERIOD_CTL</code> after the time has passed, and display OB52 to confirm.</p>",
                    "SM37",
                ),
            ],
        ),
        ("heading", "Emergency change"),
        (
            "text",
            "<p>If a period must be changed immediately, log on with the emergency user through the firefighter tool, change OB52 directly and record the reason in the tool. The use is reviewed by the GL team lead the following week. Close the period again as soon as the posting is done.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Never open a prior period for all users. If one posting is needed, the GL team lead posts it under interval 2.</p>",
        ),
        ("who_to_ask", ["Posting periods", "System access"], "for any change to period control"),
    ],
}

REVALUATION = {
    "slug": "run-foreign-currency-revaluation",
    "title": "Run foreign currency revaluation",
    "kind": "how-to",
    "summary": "Running FAGL_FCV at month end for open items and foreign currency balances, checking exchange rates first, and reviewing the result before posting.",
    "owner": "yusuf.demir",
    "topics": ["Foreign currency revaluation", "Month-end close"],
    "verified_days_ago": 58,
    "body": [
        (
            "text",
            "<p>Every company code holds some items in currencies other than its own: UK vendors invoicing in euros, Polish customers paying in euros, US dollar bank accounts in the UK. At month end these are revalued at the closing rate so the balance sheet is right. The result is reversed on the first day of the next month.</p>",
        ),
        ("heading", "Check the rates first"),
        (
            "text",
            "<p>Closing rates are loaded automatically on the last working day at 17:00 UK into exchange rate type <code>M</code>: the European Central Bank reference rates for EUR pairs, the National Bank of Poland table for PLN, and the Reserve Bank of India reference rate for INR. Before running revaluation, display the rates in the rates table for the last day of the month and compare three or four of them with the published source.</p>",
        ),
        ("heading", "Run revaluation"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open FAGL_FCV and choose the variant <code>/ME_ALL</code> for your company code. It is preset to valuation area <strong>MC</strong>, open vendor, customer and G/L items, and foreign currency balances.</p>",
                    "FAGL_FCV",
                ),
                (
                    "<p>Set the key date to the last day of the month and the posting date to the same day. The reversal posting date is the first of the next month.</p>",
                    "FAGL_FCV",
                ),
                (
                    "<p>Run in <strong>test mode</strong>. Review the total by account; anything over 100,000 EUR of unrealised gain or loss needs an explanation in the close checklist.</p>",
                    "FAGL_FCV",
                ),
                (
                    "<p>Run in update mode and record the document numbers on the revaluation task in ZCLOSE_CKL.</p>",
                    "FAGL_FCV",
                ),
            ],
        ),
        (
            "callout",
            "tip",
            "<p>BW40 cannot revalue some INR-linked intercompany balances because of Indian exchange control reporting. Those accounts are excluded in the BW40 variant; do not add them back.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>Our variant posts unrealised differences for intercompany items to a separate account pair so that ZIC_MATCH can show FX differences between company codes as code F automatically. Standard posts all unrealised differences to one account per currency.</p>",
        ),
        ("who_to_ask", ["Foreign currency revaluation"], "if the result looks unusually large"),
    ],
}

AREA = {
    "slug": "month-end-close",
    "title": "Month-end close",
    "summary": "<p>Closing the books in four working days: the timetable, the <strong>ZCLOSE_CKL</strong> checklist, accruals, GR/IR, posting periods and revaluation.</p>",
    "process_owner": "helen.brooks",
    "owner": "helen.brooks",
    "topics": ["Month-end close", "Close checklist", "Accruals"],
    "articles": [],
    "processes": [
        {
            "slug": "close-calendar",
            "title": "Close calendar and checklist",
            "summary": "<p>When things happen during the close and how completion is tracked and evidenced.</p>",
            "process_owner": "helen.brooks",
            "owner": "helen.brooks",
            "topics": ["Month-end close", "Close checklist"],
            "articles": [TIMETABLE, CLOSE_CHECKLIST, CLOSE_FAQ],
            "processes": [],
        },
        {
            "slug": "accruals-and-gr-ir",
            "title": "Accruals and GR/IR",
            "summary": "<p>Making sure costs land in the right month: accruals for services not yet invoiced and the monthly GR/IR review.</p>",
            "process_owner": "helen.brooks",
            "owner": "yusuf.demir",
            "topics": ["Accruals", "GR/IR clearing"],
            "articles": [ACCRUALS, GRIR],
            "processes": [],
        },
        {
            "slug": "period-end-controls",
            "title": "Periods and revaluation",
            "summary": "<p>Posting period control and month-end foreign currency revaluation.</p>",
            "process_owner": "helen.brooks",
            "owner": "olu.adebayo",
            "topics": ["Posting periods", "Foreign currency revaluation"],
            "articles": [PERIODS, REVALUATION],
            "processes": [],
        },
    ],
}
