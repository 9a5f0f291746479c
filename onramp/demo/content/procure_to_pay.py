"""Procure to pay: purchasing, goods receipt, invoice processing and payment runs."""

from __future__ import annotations

OVERVIEW = {
    "slug": "procure-to-pay-at-brightwater",
    "title": "How procure to pay works at Brightwater",
    "kind": "reference",
    "summary": "The end-to-end purchase-to-payment flow across our four company codes, which steps are ours and which belong to procurement, and where our system departs from the vendor standard.",
    "owner": "nadia.kowalska",
    "topics": ["Purchase orders", "Invoice inbox", "Payment runs", "Custom transactions"],
    "verified_days_ago": 21,
    "interval": 180,
    "body": [
        (
            "text",
            "<p>Procure to pay covers everything from a buyer raising a purchase order to the money leaving our bank account. Procurement owns the first half (requisitions, purchase orders, supplier negotiation); Finance Shared Services owns invoice receipt, matching, posting and payment. Goods receipt sits in the middle and is done by the warehouses and, for services, by whoever ordered the service.</p>",
        ),
        ("heading", "The flow in one table"),
        (
            "table",
            "Procure to pay, step by step",
            ["Step", "Who", "Transaction", "Our target"],
            [
                [
                    "Raise and release the purchase order",
                    "Buyer, then approver by value",
                    "ME21N / ME29N",
                    "Before the goods are ordered",
                ],
                [
                    "Record the goods receipt or service confirmation",
                    "Warehouse or requester",
                    "MIGO / ML81N",
                    "Same day as delivery",
                ],
                ["Receive and scan the invoice", "Scanning bureau", "ZAP_INBOX", "Within 1 working day of arrival"],
                [
                    "Match and post the invoice",
                    "AP analyst",
                    "MIRO (from ZAP_INBOX)",
                    "Within 5 working days of receipt",
                ],
                [
                    "Non-PO invoice approval",
                    "Cost centre owner, by limit",
                    "ZAP_INBOX workflow",
                    "Within 3 working days of routing",
                ],
                ["Payment proposal and review", "Payments team", "F110 / ZPAY_REVIEW", "Tuesday and Thursday mornings"],
                ["Bank file release", "Treasury signatories", "Bank portal", "By 15:30 UK time on run days"],
            ],
        ),
        ("heading", "Company codes and currencies"),
        (
            "text",
            "<p>We run four company codes on one client. You will see the code on every screen, so learn them early:</p><ul><li><strong>BW10</strong> Brightwater Manufacturing UK Ltd, GBP, processed in Leeds</li><li><strong>BW20</strong> Brightwater Polska sp. z o.o., PLN, processed in Kraków</li><li><strong>BW30</strong> Brightwater Inc., USD, processed in Austin and Leeds</li><li><strong>BW40</strong> Brightwater India Pvt Ltd, INR, processed in Pune</li></ul><p>Approval limits are set in EUR and converted at the monthly group rate, so a GBP approver's limit moves slightly from month to month.</p>",
        ),
        ("heading", "Where we differ from the vendor standard"),
        (
            "callout",
            "customisation",
            "<p>Three things will surprise anyone coming from a standard system. First, invoices never go straight into MIRO: every invoice, paper or PDF, lands in our <code>ZAP_INBOX</code> queue and you open MIRO from there, so the scan, the queue history and the posted document stay linked. Second, an invoice outside tolerance is <em>parked</em> with a reason code instead of being posted with payment block R; we do this because blocked-but-posted invoices inflated our liabilities and hid real exceptions. Third, the payment proposal is reviewed in <code>ZPAY_REVIEW</code>, which flags first-time payees and recent bank changes before anything is released.</p>",
        ),
        ("heading", "Where to go next"),
        (
            "text",
            "<p>If you are new to payables, read the invoice inbox procedure first, then the three-way match tolerances, then the payment run FAQ. Buyers asking about purchase orders should start with the purchase order procedure.</p>",
        ),
        (
            "who_to_ask",
            ["Invoice inbox", "Payment runs", "Purchase orders"],
            "for anything about how the pieces fit together",
        ),
    ],
}

CREATE_PO = {
    "slug": "create-a-purchase-order",
    "title": "Create a purchase order",
    "kind": "procedure",
    "summary": "How to raise a standard purchase order in ME21N with the account assignment, tax code and delivery address we need, and how release strategy approval works by value.",
    "owner": "ben.ashworth",
    "topics": ["Purchase orders", "Approval limits", "Cost centres"],
    "verified_days_ago": 34,
    "body": [
        (
            "text",
            "<p>Purchase orders are raised by buyers in Procurement, but AP analysts are asked about them every day, and you will sometimes need to read one closely to resolve a match failure. This page describes how a correct PO is built so you can recognise a wrong one.</p>",
        ),
        ("heading", "Before you start"),
        (
            "text",
            "<ul><li>You need the role <code>Z_MM_BUYER</code> to create POs. AP analysts have display only (ME23N).</li><li>The vendor must exist and be unblocked for purchasing in the purchasing organisation. If the vendor is new, raise a request in <code>ZVEND_REQ</code> first; see the vendor onboarding pages.</li><li>Have the cost centre or WBS element ready for non-stock items.</li></ul>",
        ),
        ("heading", "Raise the order"),
        (
            "steps",
            "Create the PO",
            [
                (
                    "<p>Open ME21N and choose document type <strong>NB</strong> (standard) or <strong>ZSRV</strong> (services, our own type that forces a service entry sheet).</p>",
                    "ME21N",
                ),
                (
                    "<p>In the header enter the vendor, purchasing organisation (<code>PO10</code> UK, <code>PO20</code> Poland, <code>PO30</code> US, <code>PO40</code> India), purchasing group and company code.</p>",
                    "ME21N",
                ),
                (
                    "<p>For each line enter material or short text, quantity, unit, net price and plant. For non-stock items set account assignment category <strong>K</strong> and enter the cost centre and G/L account on the account assignment tab.</p>",
                    "ME21N",
                ),
                (
                    "<p>Check the tax code on the invoice tab of each line. It defaults from the vendor and material but is often wrong for services crossing borders; see the tax code reference if unsure.</p>",
                    "ME21N",
                ),
                (
                    "<p>Tick <strong>GR-based invoice verification</strong> on every line. Our PO check rejects the order if it is missing on a stock line.</p>",
                    "ME21N",
                ),
                (
                    "<p>Save. The PO number starts with <code>45</code> for standard orders and <code>46</code> for service orders.</p>",
                    "ME21N",
                ),
            ],
        ),
        ("heading", "Release strategy"),
        (
            "table",
            "Who releases a purchase order (net value, EUR equivalent)",
            ["Net order value", "Release code", "Released by"],
            [
                ["Up to 2,500", "none", "Released on save"],
                ["2,500 to 25,000", "R1", "Budget holder of the cost centre"],
                ["25,000 to 250,000", "R2", "Department head and site finance controller"],
                ["Over 250,000", "R3", "Company code finance director, then CFO"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard evaluates release strategy on the PO total only. We added a check that also sums all open POs for the same vendor and cost centre raised in the last 7 days, because splitting one purchase into several small POs to stay under R1 was a recurring audit finding. If the sum crosses a threshold, the new PO gets the higher release code, and the buyer sees message <code>ZMM 041</code>.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>If an invoice arrives for a PO that is still awaiting release, MIRO will not let you post it. Park the inbox item with reason <strong>PO not released</strong> and the workflow reminds the approver every 2 days.</p>",
        ),
        ("who_to_ask", ["Purchase orders", "Approval limits"], "for release strategy questions or a PO that is stuck"),
    ],
}

GOODS_RECEIPT = {
    "slug": "post-a-goods-receipt",
    "title": "Post a goods receipt or service confirmation",
    "kind": "procedure",
    "summary": "Recording a delivery in MIGO with movement type 101, confirming services on a ZSRV order, and reversing a receipt posted in error.",
    "owner": "ben.ashworth",
    "topics": ["Goods receipt", "Three-way match", "GR/IR clearing"],
    "verified_days_ago": 102,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>Warehouses post goods receipts for stock, and requesters confirm services. Finance rarely posts receipts, but a missing or wrong receipt is the most common reason an invoice will not match, so you need to understand what a good one looks like and how to ask for a correction.</p>",
        ),
        ("heading", "Post a goods receipt for stock"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open MIGO, choose <strong>A01 Goods Receipt</strong> and reference <strong>R01 Purchase Order</strong>. Enter the PO number and press Enter.</p>",
                    "MIGO",
                ),
                (
                    "<p>Check movement type <strong>101</strong> and the storage location. Enter the delivery note number in the header field <em>Delivery Note</em>; AP uses it to tie invoices to deliveries.</p>",
                    "MIGO",
                ),
                (
                    "<p>Enter the quantity actually received on each line, tick <strong>Item OK</strong> and post. Do not receive more than was delivered just because the PO says so.</p>",
                    "MIGO",
                ),
            ],
        ),
        ("heading", "Confirm a service"),
        (
            "text",
            "<p>Service orders (document type ZSRV) need a service entry sheet before they can be invoiced. The requester creates it in ML81N against the PO line, enters the period and value of the work done, and accepts it. Acceptance creates the goods receipt document in the background.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>Standard lets the same person create and accept a service entry sheet. We split the two: the requester creates the sheet and the cost centre budget holder accepts it, using the Fiori tile <em>Approve Service Entries</em>. This was added to stop self-approval of consultancy spend. If an invoice is waiting on a sheet that was created but not accepted, chase the budget holder, not the requester.</p>",
        ),
        ("heading", "Reverse a receipt posted in error"),
        (
            "steps",
            "",
            [
                (
                    "<p>In MIGO choose <strong>A03 Cancellation</strong> and reference <strong>R02 Material Document</strong>. Enter the material document number and year.</p>",
                    "MIGO",
                ),
                (
                    "<p>Select the lines to reverse (movement type 102 is proposed), enter a reason in the header text and post.</p>",
                    "MIGO",
                ),
                (
                    "<p>If an invoice has already been posted against the receipt, the reversal will leave a balance on GR/IR. Tell the AP analyst who posted the invoice so the difference is resolved before month end.</p>",
                    None,
                ),
            ],
        ),
        ("heading", "Cut-off"),
        (
            "text",
            "<p>Receipts for deliveries that arrived in the month must be posted by <strong>18:00 UK time on working day 1</strong>, when the materials management period closes. After that the receipt lands in the new month and the cost is accrued instead.</p>",
        ),
        (
            "who_to_ask",
            ["Goods receipt", "GR/IR clearing"],
            "for receipts that are missing, duplicated or on the wrong PO line",
        ),
    ],
}

INVOICE_INBOX = {
    "slug": "work-the-invoice-inbox",
    "title": "Work the invoice inbox (ZAP_INBOX)",
    "kind": "procedure",
    "summary": "Daily routine for the ZAP_INBOX queue: picking items, checking the scan, opening MIRO or FB60 from the item, and using the right status and parking reason.",
    "owner": "jim.okafor",
    "topics": ["Invoice inbox", "Invoice parking", "Custom transactions"],
    "verified_days_ago": 12,
    "body": [
        (
            "text",
            "<p>Every vendor invoice we receive, whether on paper at a site or as a PDF to the <code>ap-invoices</code> mailbox, is scanned, read by the capture software and placed in <code>ZAP_INBOX</code>. The inbox is where you work. You should not open MIRO or FB60 directly for a new invoice; always start from the inbox item.</p>",
        ),
        ("heading", "The queue statuses"),
        (
            "table",
            "",
            ["Status", "Meaning", "Who moves it on"],
            [
                ["NEW", "Captured, not yet picked up", "Any analyst in the company code team"],
                ["IN PROGRESS", "Assigned to you and open", "You"],
                ["PARKED", "Document parked with a reason code", "Workflow or you, when the reason is fixed"],
                ["QUERY", "Waiting for the vendor or a buyer", "You, when the answer arrives"],
                ["POSTED", "Accounting document created", "Closed automatically"],
                ["REJECTED", "Returned to vendor (duplicate, not ours, unreadable)", "Closed; needs a reason"],
            ],
        ),
        ("heading", "Daily routine"),
        (
            "steps",
            "Work an item",
            [
                (
                    "<p>Open ZAP_INBOX and choose your company code layout, for example <code>/BW10_AP</code>. Sort by <strong>Received</strong> ascending so the oldest items come first.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>Select an item and press <strong>Assign to me</strong>. The status changes to IN PROGRESS and nobody else can open it.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>Compare the captured header fields (vendor, invoice number, date, gross amount, tax, PO number) with the image on the right. Correct any capture errors in the fields, not in MIRO, so the capture software learns.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>Press <strong>Process</strong>. If a PO number was captured, MIRO opens with the PO and invoice data pre-filled; otherwise FB60 opens.</p>",
                    "MIRO",
                ),
                (
                    "<p>Simulate, check the balance is zero and post. If it will not post, use <strong>Park with reason</strong> from the inbox toolbar rather than Save as Parked in MIRO.</p>",
                    "ZAP_INBOX",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The inbox adds a duplicate check that the standard does not have: before it opens MIRO it looks for any posted or parked invoice with the same vendor, the same gross amount within 1%, and an invoice date within 30 days, regardless of the reference field. Standard only checks an exact reference match, and vendors re-sending invoices with a slightly different number cost us money twice in 2022. If you get the orange <em>Possible duplicate</em> banner, open the linked document before you go any further.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Never reject an item just because it is a reminder or a statement. Move it to REJECTED only with reason <strong>Copy of existing invoice</strong> and the linked document number, or the ageing report counts it as lost.</p>",
        ),
        ("heading", "Targets"),
        (
            "text",
            "<p>Items should reach POSTED or PARKED within <strong>5 working days</strong> of the received date. The inbox turns an item amber at 3 days and red at 5. Marty reviews the red items every Monday.</p>",
        ),
        ("who_to_ask", ["Invoice inbox", "Invoice parking"], "for inbox behaviour, layouts and statuses"),
    ],
}

POST_PO_INVOICE = {
    "slug": "post-a-vendor-invoice",
    "title": "Post a vendor invoice against a purchase order",
    "kind": "procedure",
    "summary": "Posting a PO-based invoice in MIRO from an inbox item: checking the proposed lines, tax, and differences, and what to do when the balance will not reach zero.",
    "owner": "jim.okafor",
    "topics": ["Three-way match", "Invoice parking", "Tax codes"],
    "verified_days_ago": 8,
    "body": [
        (
            "text",
            "<p>Most of our volume is PO-based: about 80% of UK invoices and over 90% in Poland. MIRO proposes the invoice lines from the goods receipts on the PO, and your job is to make sure what is proposed matches what the vendor billed.</p>",
        ),
        ("heading", "Post the invoice"),
        (
            "steps",
            "From the inbox item",
            [
                (
                    "<p>Press <strong>Process</strong> on the inbox item. MIRO opens with transaction <em>Invoice</em>, the vendor, invoice date, reference and gross amount filled from the capture.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>On the <strong>Basic data</strong> tab check the posting date. It defaults to today; during the first working day of a month, see the cut-off note below.</p>",
                    "MIRO",
                ),
                (
                    "<p>Check the tax code and amount. Tick <strong>Calculate tax</strong> only if the vendor did not show tax separately. UK standard rate input tax is <code>V1</code>, Polish 23% is <code>P3</code>, India GST uses the <code>G*</code> codes from the tax reference page.</p>",
                    "MIRO",
                ),
                (
                    "<p>On the <strong>PO reference</strong> tab untick any proposed line the vendor did not bill, and correct the quantity on partly billed lines. Never change the amount on a line to force a match; that is what parking is for.</p>",
                    "MIRO",
                ),
                (
                    "<p>Press <strong>Simulate</strong>. The balance must be zero. Small differences up to 5.00 in document currency are allowed and post to account <code>699100</code>.</p>",
                    "MIRO",
                ),
                ("<p>Post. The inbox item moves to POSTED and stores the accounting document number.</p>", "MIRO"),
            ],
        ),
        ("heading", "When it will not balance"),
        (
            "text",
            "<p>If the difference is in price or quantity beyond our tolerances, do not post. Return to the inbox and choose <strong>Park with reason</strong>:</p><ul><li><strong>P01 Price variance</strong>: the buyer is notified and has 3 working days to change the PO or confirm a credit is due.</li><li><strong>P02 No goods receipt</strong>: the requester or warehouse is notified.</li><li><strong>P03 Quantity variance</strong>: billed more than received.</li><li><strong>P05 Tax query</strong>: routes to the tax team inbox.</li></ul>",
        ),
        (
            "callout",
            "customisation",
            "<p>In a standard system an out-of-tolerance invoice can be posted and is automatically blocked with key R. We switched that off in 2023. The invoice is parked instead, so it does not sit in the liability as a posted-but-blocked item and the buyer gets a workflow task rather than an e-mail. Old invoices from before the switch can still carry block R; those are cleared through MRBR, see the blocked invoice how-to.</p>",
        ),
        ("heading", "Cut-off at month end"),
        (
            "text",
            "<p>Invoices dated in the old month and received before <strong>12:00 UK time on working day 1</strong> are posted with the last day of the old month as posting date. After 12:00 the posting period is closed for AP and you use the current date; the cost is then covered by the accrual.</p>",
        ),
        (
            "who_to_ask",
            ["Three-way match", "Tax codes"],
            "for matching or tax questions you cannot resolve from the PO",
        ),
    ],
}

NON_PO_INVOICE = {
    "slug": "post-a-non-po-invoice",
    "title": "Post an invoice without a purchase order",
    "kind": "procedure",
    "summary": "Which invoices may be posted without a PO, how to code them in FB60 from the inbox, and how the approval workflow routes them by amount.",
    "owner": "ben.ashworth",
    "topics": ["Non-PO invoices", "Approval limits", "Cost centres"],
    "verified_days_ago": 57,
    "body": [
        (
            "text",
            "<p>Our policy is <strong>no PO, no pay</strong>, with a short list of exceptions. If an invoice without a PO is not on the list, do not post it: put the item in QUERY with the template <em>PO required</em>, which e-mails the vendor and the requester.</p>",
        ),
        ("heading", "Allowed without a PO"),
        (
            "text",
            "<ul><li>Utilities, rates and property rent</li><li>Statutory and regulatory fees, including customs duty statements</li><li>Legal fees instructed by the legal team</li><li>Insurance premiums</li><li>Bank charges invoiced separately</li><li>Employee-related items billed by payroll providers</li></ul><p>The list is held in the inbox as <em>non-PO categories</em>; choosing one is mandatory before FB60 opens.</p>",
        ),
        ("heading", "Post and route"),
        (
            "steps",
            "",
            [
                (
                    "<p>On the inbox item press <strong>Process</strong>. With no PO captured, the inbox asks for the non-PO category; pick it and continue.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>FB60 opens with vendor, reference, dates and amount filled. Check the payment terms default from the vendor; do not override them without a note in the item history.</p>",
                    "FB60",
                ),
                (
                    "<p>Enter one line per cost: G/L account, amount, tax code, cost centre. The cost centre owner becomes the first approver.</p>",
                    "FB60",
                ),
                (
                    "<p>Press <strong>Park and route</strong> on the inbox toolbar, not Post. The document is parked and the approval workflow starts.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>When the last approver approves, the workflow posts the document and the inbox item moves to POSTED.</p>",
                    None,
                ),
            ],
        ),
        (
            "table",
            "Non-PO approval limits (gross amount, EUR equivalent)",
            ["Amount", "Approvers"],
            [
                ["Up to 5,000", "Cost centre owner"],
                ["5,000 to 25,000", "Cost centre owner, then department head"],
                ["25,000 to 100,000", "As above, then company code finance director"],
                ["Over 100,000", "As above, then CFO"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Standard FB60 lets anyone with posting authority post directly. We removed direct posting for non-PO vendor invoices from every AP role, so that every non-PO invoice has a business approval on record. The only people who can still post directly are the two Finance Systems emergency users, and every use is logged and reviewed monthly.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>If the approver is on leave, the workflow will not wait for ever: after 5 working days it escalates to their manager. You can also use <strong>Forward</strong> on the item to the delegate named in their out-of-office.</p>",
        ),
        ("who_to_ask", ["Non-PO invoices", "Approval limits"], "for coding and approval questions"),
    ],
}

TOLERANCES = {
    "slug": "three-way-match-tolerances",
    "title": "Three-way match tolerances and parking reasons",
    "kind": "reference",
    "summary": "The price, quantity and small-difference tolerances we apply when matching invoices to purchase orders and goods receipts, with every parking reason code and who it routes to.",
    "owner": "jim.okafor",
    "topics": ["Three-way match", "Invoice parking", "Payment blocks"],
    "verified_days_ago": 160,
    "body": [
        (
            "text",
            "<p>Three-way match compares what we ordered (PO), what we received (goods receipt) and what we were billed (invoice). Our tolerances are deliberately tight. If you are used to a standard system where a 5% price variance posts quietly with a block, expect many more parked items here.</p>",
        ),
        ("heading", "Tolerance keys"),
        (
            "table",
            "Tolerances by company code",
            ["Key", "What it checks", "BW10 / BW20 / BW30", "BW40"],
            [
                ["PP", "Price variance per line", "Lower of 2% or 250 EUR", "Lower of 2% or 20,000 INR"],
                [
                    "DQ",
                    "Quantity billed above received",
                    "0 for stock, 5% for services",
                    "0 for stock, 5% for services",
                ],
                ["BD", "Small difference on the whole invoice", "5.00 in document currency", "400.00 INR"],
                [
                    "PS",
                    "Price variance against estimated price",
                    "Not allowed, always parks",
                    "Not allowed, always parks",
                ],
                ["ST", "Date variance (invoice before receipt)", "Warning only", "Warning only"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard applies tolerances per invoice line and posts with block R when exceeded. We apply them per line <em>and</em> across the invoice: if several lines are each within 2% but together exceed 250 EUR, the invoice still parks with P01. We added the invoice-level check after a vendor applied a 1.9% surcharge to every line for six months.</p>",
        ),
        ("heading", "Parking reasons"),
        (
            "table",
            "",
            ["Code", "Reason", "Routed to", "Reminder"],
            [
                ["P01", "Price variance", "Buyer on the PO", "Every 2 working days"],
                ["P02", "No goods receipt", "Requester, then warehouse", "Every 2 working days"],
                ["P03", "Quantity variance", "Buyer on the PO", "Every 2 working days"],
                ["P04", "PO not released", "Next approver in the release strategy", "Every 2 working days"],
                ["P05", "Tax query", "Tax team inbox", "Weekly"],
                ["P06", "Vendor data issue", "Master Data team", "Daily"],
                ["P09", "Other, see note", "Nobody automatically; you own it", "None"],
            ],
        ),
        (
            "callout",
            "warning",
            "<p>P09 items have no owner other than you and do not escalate. Use it only when none of the other codes fits, and write a clear note.</p>",
        ),
        ("heading", "Payment block keys you will still see"),
        (
            "text",
            "<ul><li><strong>R</strong>: invoice verification block, only on invoices posted before the 2023 change</li><li><strong>A</strong>: blocked for payment manually by AP, for example during a dispute</li><li><strong>Z1</strong>: our key, set automatically on all open items when the vendor's bank details are changed, and removed when the change is confirmed</li><li><strong>Z2</strong>: our key, set when an inbox item for the same vendor is in QUERY with a dispute flag</li></ul>",
        ),
        ("who_to_ask", ["Three-way match", "Payment blocks"], "if a tolerance looks wrong for a vendor or material"),
    ],
}

BLOCKED_INVOICE = {
    "slug": "release-a-blocked-invoice",
    "title": "Release a blocked invoice",
    "kind": "how-to",
    "summary": "How to find invoices blocked for payment, work out which block applies, and release them with MRBR or FB02 once the cause is fixed.",
    "owner": "jim.okafor",
    "topics": ["Payment blocks", "Three-way match"],
    "verified_days_ago": 45,
    "body": [
        (
            "text",
            "<p>Because we park out-of-tolerance invoices instead of posting them blocked, you will see fewer blocked invoices here than in a standard setup. The ones you do see are manual blocks, our Z1 and Z2 keys, and a tail of older R blocks.</p>",
        ),
        ("heading", "Find blocked items"),
        (
            "text",
            "<p>Run FBL1N for the company code with the selection variant <code>/BLOCKED</code>. It shows open items with any payment block and adds the block key as a column. Sort by due date so the ones that would miss the next payment run come first.</p>",
        ),
        (
            "code",
            "FBL1N  variant /BLOCKED\nCompany code: BW10\nOpen items: key date = next payment run date\nPayment block: * (not blank)\nLayout: /AP_BLOCK",
            "",
        ),
        ("heading", "Release by block key"),
        (
            "steps",
            "",
            [
                (
                    "<p><strong>Key R</strong>: run MRBR, select <em>Release manually</em>, enter the company code and vendor, execute, select the line and press <strong>Release</strong>, then save. Only do this once the buyer has confirmed the price or a credit memo is posted.</p>",
                    "MRBR",
                ),
                (
                    "<p><strong>Key A</strong>: open the document in FB02, double-click the vendor line and clear the <em>Pmnt block</em> field. Add a line to the item text saying why, for example <em>Dispute resolved, credit 5100023 received</em>.</p>",
                    "FB02",
                ),
                (
                    "<p><strong>Key Z1</strong>: you cannot remove it. It clears automatically when Master Data confirms the bank change. If it is urgent, contact the Master Data team; do not ask Finance Systems to remove it.</p>",
                    None,
                ),
                (
                    "<p><strong>Key Z2</strong>: resolve the QUERY item in ZAP_INBOX. Closing the query clears Z2 from all open items of that vendor overnight.</p>",
                    "ZAP_INBOX",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Z1 is our own block key and is protected by an authorisation check. Standard lets anyone with FB02 change any block key. We restricted Z1 after a fraud attempt in which a changed bank account was paid within hours of the change; the key guarantees that a call-back has happened before the first payment to new details.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>If a blocked invoice is about to miss a Thursday run and the supplier is critical, tell the payments team before 10:00 UK on the run day. They can include it once released, but not after the proposal has been approved.</p>",
        ),
        (
            "who_to_ask",
            ["Payment blocks", "Bank details changes"],
            "when a block will not clear or you do not know who set it",
        ),
    ],
}

CREDIT_MEMOS = {
    "slug": "post-a-vendor-credit-memo",
    "title": "Post a vendor credit memo",
    "kind": "how-to",
    "summary": "Posting a vendor credit note against a PO in MIRO or without a PO in FB65, and making sure it offsets the right invoice in the next payment run.",
    "owner": "jim.okafor",
    "topics": ["Credit memos", "Three-way match", "Payment runs"],
    "verified_days_ago": 230,
    "body": [
        (
            "text",
            "<p>Vendor credit notes arrive in the invoice inbox like invoices. The capture software usually recognises them and sets the document type to <strong>Credit memo</strong>, but check: a credit posted as an invoice doubles the error instead of fixing it.</p>",
        ),
        ("heading", "Credit against a purchase order"),
        (
            "steps",
            "",
            [
                (
                    "<p>On the inbox item check that the document type reads <em>Credit memo</em>. If it reads Invoice, change it before pressing Process.</p>",
                    "ZAP_INBOX",
                ),
                (
                    "<p>MIRO opens with transaction <strong>Credit memo</strong>. Enter the PO and, if the credit is for returned goods, make sure the return delivery (movement type 122) has been posted so the quantities match.</p>",
                    "MIRO",
                ),
                (
                    "<p>For a price-only credit, use <strong>Subsequent credit</strong> instead of Credit memo. It reduces the value without touching quantities.</p>",
                    "MIRO",
                ),
                (
                    "<p>In the <strong>Payment</strong> tab enter the invoice being credited in <em>Invoice reference</em>. This links the two so the payment run nets them.</p>",
                    "MIRO",
                ),
                ("<p>Simulate and post.</p>", "MIRO"),
            ],
        ),
        ("heading", "Credit without a purchase order"),
        (
            "text",
            "<p>Use FB65 from the inbox item. Code the lines to the same G/L account and cost centre as the original invoice, and enter the original invoice in the invoice reference field. Non-PO credits do not need approval workflow, but the original invoice's cost centre owner receives a notification.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>Our payment run program checks that credits with an invoice reference are only netted against that invoice. The standard would net any open credit against any open invoice of the vendor, which caused problems when a vendor's credit for one site was used to pay down another site's invoice with a different approval owner.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>A credit memo with no invoice reference and no matching open invoice will sit as a debit balance on the vendor. If it is older than 60 days, the vendor statement reconciliation flags it and you will be asked to request a refund.</p>",
        ),
        ("who_to_ask", ["Credit memos"], "for credits that will not match or net"),
    ],
}

EXCEPTIONS_FAQ = {
    "slug": "invoice-exceptions-faq",
    "title": "Invoice exceptions: frequently asked questions",
    "kind": "faq",
    "summary": "Answers to the questions new payables analysts ask most often about parked, queried and rejected invoices.",
    "owner": "jim.okafor",
    "topics": ["Invoice parking", "Invoice inbox", "Three-way match"],
    "verified_days_ago": 98,
    "interval": 90,
    "body": [
        ("heading", "Parking"),
        (
            "subheading",
            "I parked an invoice in MIRO with Save as parked. Why does the inbox still show it IN PROGRESS?",
        ),
        (
            "text",
            "<p>Saving as parked inside MIRO creates the parked document but does not tell the inbox why. Always use <strong>Park with reason</strong> from the inbox toolbar. To fix it, open the item, press Park with reason, and pick the code; the inbox finds the existing parked document.</p>",
        ),
        ("subheading", "The buyer changed the PO price. Does the parked invoice post by itself?"),
        (
            "text",
            "<p>No. The workflow tells you the buyer has acted and the item shows a green tick. Open it, press <strong>Process</strong>, and MIRO re-reads the PO. Simulate and post as normal.</p>",
        ),
        ("subheading", "How long can an invoice stay parked?"),
        (
            "text",
            "<p>There is no hard limit, but anything parked for more than 20 working days appears on the weekly escalation report to the buyer's manager, and anything over 45 days is discussed on the month-end call.</p>",
        ),
        ("heading", "Queries and rejections"),
        ("subheading", "When do I use QUERY instead of parking?"),
        (
            "text",
            "<p>Use QUERY when the answer must come from the vendor (missing PO number, wrong legal entity, unreadable invoice). Use parking when the answer must come from inside Brightwater (a buyer, a warehouse, tax).</p>",
        ),
        ("subheading", "The invoice is addressed to the wrong company. Can I just post it in the right one?"),
        (
            "text",
            "<p>No. An invoice addressed to Brightwater Manufacturing UK Ltd is a BW10 invoice for VAT purposes, even if the goods went to Poland. Reject it with reason <strong>Wrong legal entity</strong> and the vendor receives a standard e-mail asking for a corrected invoice.</p>",
        ),
        ("subheading", "Can I reopen a rejected item?"),
        (
            "text",
            "<p>Only Finance Systems can, and they will ask why. Rejection e-mails the vendor, so reopening afterwards confuses everyone. Check twice before rejecting.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>The inbox keeps a full history per item on the <strong>Log</strong> tab. Before asking a colleague what happened to an invoice, read the log; the answer is usually there.</p>",
        ),
        ("who_to_ask", ["Invoice parking", "Invoice inbox"], "if your question is not answered here"),
    ],
}

PAYMENT_RUN = {
    "slug": "run-the-payment-proposal",
    "title": "Run and review the payment proposal",
    "kind": "procedure",
    "summary": "The Tuesday and Thursday F110 payment run: parameters, the proposal review in ZPAY_REVIEW, approval, and creating the bank file before the 15:30 UK cut-off.",
    "owner": "agnieszka.malinowska",
    "topics": ["Payment runs", "Payment blocks", "Segregation of duties"],
    "verified_days_ago": 19,
    "interval": 30,
    "body": [
        (
            "text",
            "<p>We pay vendors twice a week, on <strong>Tuesday and Thursday</strong>, for all four company codes. Due dates that fall between runs roll forward to the next run. The payments team in Kraków runs the proposals; Leeds covers when Kraków is on a public holiday.</p>",
        ),
        ("heading", "Timetable on a run day (UK time)"),
        (
            "table",
            "",
            ["Time", "What happens", "Who"],
            [
                ["08:30", "Proposal created for BW10, BW20, BW30", "Payments specialist"],
                ["09:00", "BW40 proposal created (INR, separate run)", "Payments specialist"],
                ["09:00 to 11:00", "Review in ZPAY_REVIEW, exceptions removed", "Payments specialist"],
                ["11:00", "Proposal approved", "AP team lead (not the person who ran it)"],
                ["11:30", "Payment run executed, bank files created", "Payments specialist"],
                ["by 15:30", "Files released in the bank portal", "Two Treasury signatories"],
            ],
        ),
        ("heading", "Create the proposal"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open F110. Enter the run date and an identification: country letter plus R for regular runs and a sequence, for example <code>UR1</code> for the first UK regular run of the day, <code>PR1</code> for Poland.</p>",
                    "F110",
                ),
                (
                    "<p>On <strong>Parameters</strong> enter the company codes, payment methods (<code>B</code> BACS, <code>E</code> Elixir, <code>A</code> ACH, <code>N</code> NEFT, <code>T</code> foreign transfer) and the next payment date, which is the following run day.</p>",
                    "F110",
                ),
                (
                    "<p>On <strong>Free selection</strong> exclude vendors with account group <code>ZEMP</code>; employee expenses are paid by a separate run.</p>",
                    "F110",
                ),
                ("<p>Save the parameters, then press <strong>Proposal</strong> and start immediately.</p>", "F110"),
            ],
        ),
        ("heading", "Review the proposal"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZPAY_REVIEW with the run date and identification. The <strong>Flags</strong> tab lists every payment with one or more warnings.</p>",
                    "ZPAY_REVIEW",
                ),
                (
                    "<p>Check every flag. First-time payees and payments to bank details changed in the last 30 days need the call-back reference from the vendor record; if it is missing, remove the payment.</p>",
                    "ZPAY_REVIEW",
                ),
                (
                    "<p>Payments over 50,000 EUR need a second look at the underlying invoice image, which you can open from the line.</p>",
                    "ZPAY_REVIEW",
                ),
                (
                    "<p>To remove a payment, use <strong>Exclude with reason</strong>. This sets block A on the items and records why.</p>",
                    "ZPAY_REVIEW",
                ),
                (
                    "<p>Press <strong>Submit for approval</strong>. The AP team lead receives the task.</p>",
                    "ZPAY_REVIEW",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>In the standard F110 the person who runs the proposal can also edit it and schedule the payment run. We split the roles: the proposal is edited only in ZPAY_REVIEW, and the payment run step in F110 is greyed out until a different user has approved the proposal. This enforces four-eyes on every run and satisfies our external auditors' segregation of duties requirement.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>The banks' cut-off for BACS, Elixir and ACH files in the next processing cycle is 15:30 UK time. If files are not released by then, every payment in the run goes a day late and late-payment interest under the UK and Polish prompt payment rules can apply.</p>",
        ),
        ("who_to_ask", ["Payment runs", "Segregation of duties"], "if a run fails or the proposal looks wrong"),
    ],
}

URGENT_PAYMENT = {
    "slug": "make-an-urgent-payment",
    "title": "Make an urgent payment outside the payment run",
    "kind": "how-to",
    "summary": "When an out-of-cycle payment is allowed, who approves it, and how to run a single-vendor F110 with the urgent identification.",
    "owner": "agnieszka.malinowska",
    "topics": ["Payment runs", "Approval limits"],
    "verified_days_ago": 275,
    "body": [
        (
            "text",
            "<p>Urgent payments break the routine and carry more risk, so we keep them rare: fewer than ten a month across the group. A buyer saying a supplier is <em>really unhappy</em> is not a reason. Valid reasons are a supplier stopping critical deliveries, a statutory payment due before the next run, or a payment we failed to make on time because of our own error.</p>",
        ),
        ("heading", "Get approval first"),
        (
            "text",
            "<p>Ask the requester to fill in the urgent payment form in the Finance Shared Services portal. It needs the vendor, invoice numbers, amount and reason, and it routes to the AP team lead. Payments over 25,000 EUR also need the company code finance director. Do not start a run without an approved form number.</p>",
        ),
        ("heading", "Run it"),
        (
            "steps",
            "",
            [
                (
                    "<p>Make sure the invoices are posted and unblocked. An urgent payment never pays a parked or blocked invoice.</p>",
                    "FBL1N",
                ),
                (
                    "<p>In F110 create a run with identification country letter plus <code>U</code> and a sequence, for example <code>UU1</code>. Restrict the parameters to the one vendor and enter the form number in the <strong>Free selection</strong> note field.</p>",
                    "F110",
                ),
                (
                    "<p>Create the proposal and review it in ZPAY_REVIEW exactly as for a regular run. The approval still goes to someone other than you.</p>",
                    "ZPAY_REVIEW",
                ),
                (
                    "<p>Execute the run and tell Treasury by Teams that an urgent file is waiting. If it is after 14:30 UK, telephone instead.</p>",
                    "F110",
                ),
            ],
        ),
        (
            "callout",
            "tip",
            "<p>If the invoice will be due at the next regular run anyway and that run is tomorrow, explain that to the requester before you do anything. Most urgent requests go away when people know the money leaves tomorrow.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>ZPAY_REVIEW will not let you submit an urgent run for approval unless the form number is present and approved in the portal. This interface is ours; the vendor standard has no link between F110 and an approval form.</p>",
        ),
        ("who_to_ask", ["Payment runs"], "before starting any out-of-cycle run"),
    ],
}

PAYMENT_FAQ = {
    "slug": "payment-run-faq",
    "title": "Payment runs: frequently asked questions",
    "kind": "faq",
    "summary": "Common questions about why an invoice was or was not paid, remittance advice, returned payments and foreign currency payments.",
    "owner": "agnieszka.malinowska",
    "topics": ["Payment runs", "Payment blocks", "Bank details changes"],
    "verified_days_ago": 40,
    "body": [
        ("heading", "Why was an invoice not paid?"),
        ("subheading", "The invoice is due but was not in the run. What do I check?"),
        (
            "text",
            "<p>Open the exception list of the run in F110 (<em>Edit, Exceptions</em> or the <strong>Exceptions</strong> tab in ZPAY_REVIEW). The usual reasons are, in order: a payment block, the vendor's bank details awaiting verification (Z1), a net debit balance on the vendor because of an unapplied credit, or a missing payment method on the vendor.</p>",
        ),
        ("subheading", "The vendor says they were paid twice."),
        (
            "text",
            "<p>Check FBL1N for cleared items with the same amount. If there really are two payments, do not reverse anything: raise a refund request to the vendor and tell the AP team lead, who logs it for the duplicate payment review.</p>",
        ),
        ("heading", "Remittances and returns"),
        ("subheading", "How does the vendor know what we paid?"),
        (
            "text",
            "<p>The payment run sends a remittance advice by e-mail to the address in the vendor's <em>Remittance e-mail</em> field. If that is empty, no advice is sent. Ask Master Data to add the address; you cannot do it yourself.</p>",
        ),
        ("subheading", "A payment came back from the bank."),
        (
            "text",
            "<p>Returned payments appear on the bank statement and are posted by the bank reconciliation team to the returns account. The payments team then resets the cleared invoice and sets block A. Do not pay it again until Master Data has confirmed the vendor's bank details by call-back.</p>",
        ),
        ("heading", "Currencies and cut-offs"),
        ("subheading", "Can we pay a UK vendor in euros?"),
        (
            "text",
            "<p>Yes, if the invoice is in euros and the vendor has a euro bank account recorded with currency EUR. The run uses payment method <code>T</code> and the file goes out via SEPA from our euro account.</p>",
        ),
        ("subheading", "What time do I need to have things ready by?"),
        (
            "text",
            "<p>Anything you want in a run must be posted and unblocked by <strong>08:30 UK time</strong> on the run day. Changes after the proposal is created are not picked up.</p>",
        ),
        ("who_to_ask", ["Payment runs"], "for anything about a specific payment"),
    ],
}

AREA = {
    "slug": "procure-to-pay",
    "title": "Procure to pay",
    "summary": "<p>From purchase order to payment: how we order, receive, match, post and pay vendor invoices across BW10, BW20, BW30 and BW40. Finance owns invoice processing and payment; Procurement owns purchasing.</p>",
    "process_owner": "nadia.kowalska",
    "owner": "jim.okafor",
    "topics": ["Purchase orders", "Invoice inbox", "Three-way match", "Payment runs"],
    "articles": [OVERVIEW],
    "processes": [
        {
            "slug": "purchasing-and-receipt",
            "title": "Purchasing and goods receipt",
            "summary": "<p>Raising and releasing purchase orders and confirming that goods or services were received. Owned by Procurement and the sites; documented here because every invoice match depends on it.</p>",
            "process_owner": "nadia.kowalska",
            "owner": "ben.ashworth",
            "topics": ["Purchase orders", "Goods receipt"],
            "articles": [CREATE_PO, GOODS_RECEIPT],
            "processes": [],
        },
        {
            "slug": "invoice-processing",
            "title": "Invoice processing",
            "summary": "<p>Receiving vendor invoices through the <strong>ZAP_INBOX</strong> queue, matching them to purchase orders and receipts, and posting or routing them for approval.</p>",
            "process_owner": "nadia.kowalska",
            "owner": "jim.okafor",
            "topics": ["Invoice inbox", "Three-way match", "Non-PO invoices"],
            "articles": [INVOICE_INBOX, POST_PO_INVOICE, NON_PO_INVOICE, TOLERANCES],
            "processes": [
                {
                    "slug": "invoice-exceptions",
                    "title": "Invoice exceptions and blocks",
                    "summary": "<p>What happens when an invoice cannot be posted straight away: parking, queries, payment blocks and credit memos.</p>",
                    "process_owner": "nadia.kowalska",
                    "owner": "jim.okafor",
                    "topics": ["Invoice parking", "Payment blocks", "Credit memos"],
                    "articles": [BLOCKED_INVOICE, CREDIT_MEMOS, EXCEPTIONS_FAQ],
                    "processes": [],
                },
            ],
        },
        {
            "slug": "payments",
            "title": "Payments",
            "summary": "<p>The twice-weekly payment runs for all company codes, proposal review and approval, urgent payments and returned payments.</p>",
            "process_owner": "nadia.kowalska",
            "owner": "agnieszka.malinowska",
            "topics": ["Payment runs", "Payment blocks"],
            "articles": [PAYMENT_RUN, URGENT_PAYMENT, PAYMENT_FAQ],
            "processes": [],
        },
    ],
}
