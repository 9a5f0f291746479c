"""Order to cash: billing, credit management, dunning and cash application."""

from __future__ import annotations

CREATE_BILLING = {
    "slug": "create-a-billing-document",
    "title": "Create a billing document",
    "kind": "procedure",
    "summary": "Billing delivered orders in VF01 or from the billing due list, checking price, tax and payment terms, and making sure the invoice output reaches the customer.",
    "owner": "lucy.tran",
    "topics": ["Billing", "Tax codes", "Customer master data"],
    "verified_days_ago": 16,
    "body": [
        (
            "text",
            "<p>Most invoices are created overnight by the billing due list job, which bills every delivery that was goods-issued the day before. You create billing documents by hand only for deliveries the job rejected, for service orders, and for one-off debit memos.</p>",
        ),
        ("heading", "Check what the overnight job left behind"),
        (
            "text",
            "<p>Every morning, open VF04 with variant <code>/REJECTED</code> for your sales organisation. Each line shows why it was not billed: usually an incomplete sales order (missing tax classification or payment terms), a price condition missing, or a credit block. Fix the cause before you bill; billing an incomplete document just moves the problem to the customer.</p>",
        ),
        ("heading", "Bill a delivery by hand"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open VF01. Enter the delivery or sales order number in the <strong>Document</strong> column. Leave the billing type empty so the copy control proposes it: <strong>F2</strong> for goods, <strong>ZSVC</strong> for services.</p>",
                    "VF01",
                ),
                (
                    "<p>Press Enter and check the item overview: quantities must equal the delivered quantities, and every item must have a price.</p>",
                    "VF01",
                ),
                (
                    "<p>Open <strong>Header, Conditions</strong> and check the tax. UK customers get output tax <code>A1</code> (20%), EU business customers with a valid VAT number <code>A0</code>, US customers get the jurisdiction-based sales tax codes.</p>",
                    "VF01",
                ),
                (
                    "<p>Check the payment terms on the header. They come from the sales order, which takes them from the customer master; if they look wrong, correct the customer record through Master Data, not the invoice.</p>",
                    "VF01",
                ),
                (
                    "<p>Save. The accounting document is created with the same number. If it is not, the billing document is blocked for accounting; see the tip below.</p>",
                    "VF01",
                ),
            ],
        ),
        ("heading", "Invoice output"),
        (
            "text",
            "<p>Invoices are sent by e-mail as PDF to the address in the customer's <em>Invoice e-mail</em> partner function. Polish invoices additionally go to the national e-invoicing platform through our interface; check the status column in VF03 under <strong>Output</strong>. India invoices over the e-invoicing threshold must have an IRN before they are printed.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>We added billing type <strong>ZSVC</strong> for service invoices. It differs from F2 in two ways: it prints the service period from the service entry on the invoice, which several large customers require before they will pay, and it uses a separate number range so service revenue can be sampled easily at audit.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>A billing document saved but not released to accounting shows a blue flag in VFX3. Usually the revenue account determination is missing for a new material group. Send the document number to Finance Systems; do not try to post it manually.</p>",
        ),
        ("who_to_ask", ["Billing", "Tax codes"], "for pricing, tax or output problems"),
    ],
}

CORRECT_INVOICE = {
    "slug": "correct-or-cancel-a-customer-invoice",
    "title": "Correct or cancel a customer invoice",
    "kind": "how-to",
    "summary": "Choosing between cancelling a billing document in VF11 and issuing a credit or debit memo, and the approvals needed for credits.",
    "owner": "lucy.tran",
    "topics": ["Billing", "Customer disputes", "Approval limits"],
    "verified_days_ago": 205,
    "body": [
        (
            "text",
            "<p>The right correction depends on whether the invoice has left the building and what the customer has done with it.</p>",
        ),
        ("heading", "Decide which route"),
        (
            "table",
            "",
            ["Situation", "Route", "Transaction"],
            [
                ["Invoice created today, not yet sent", "Cancel and re-bill", "VF11, then VF01"],
                [
                    "Invoice sent, whole invoice wrong (wrong customer, wrong entity)",
                    "Cancel and re-bill; tell the customer",
                    "VF11, then VF01",
                ],
                ["Invoice sent, price too high or quantity not delivered", "Credit memo request", "VA01 type ZCR"],
                ["Invoice sent, price too low", "Debit memo request", "VA01 type ZDR"],
                ["Customer has paid and wants money back", "Credit memo, then refund through AP", "VA01 type ZCR"],
            ],
        ),
        ("heading", "Cancel a billing document"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open VF11, enter the billing document and execute. The cancellation document reverses the accounting document and reopens the delivery for billing.</p>",
                    "VF11",
                ),
                (
                    "<p>For Polish invoices already accepted by the national e-invoicing platform, cancellation is not allowed; the system stops you. Use a credit memo request instead, because Polish law requires a correcting invoice.</p>",
                    "VF11",
                ),
            ],
        ),
        ("heading", "Raise a credit memo request"),
        (
            "steps",
            "",
            [
                (
                    "<p>In VA01 choose order type <strong>ZCR</strong> and reference the original billing document, so prices and tax copy across.</p>",
                    "VA01",
                ),
                (
                    "<p>Keep only the items being credited and change the quantity or use condition <code>ZCRD</code> for a value-only credit.</p>",
                    "VA01",
                ),
                (
                    "<p>Choose an order reason: <strong>C01</strong> price dispute, <strong>C02</strong> short delivery, <strong>C03</strong> damaged goods, <strong>C04</strong> billing error. Save.</p>",
                    "VA01",
                ),
                (
                    "<p>The request is created with billing block <strong>08</strong> and goes to approval. Once approved, it is billed overnight like any other document.</p>",
                    None,
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Credit memo requests are approved in the same <code>ZCREDIT_REL</code> workflow used for credit releases: up to 2,500 EUR by the AR analyst's team lead, up to 25,000 EUR by the sales director, above that by the company code finance director. The vendor standard only uses the billing block and relies on somebody removing it; we wanted every credit to have a named approver.</p>",
        ),
        ("who_to_ask", ["Billing", "Customer disputes"], "before cancelling anything already sent to the customer"),
    ],
}

CREDIT_RELEASE = {
    "slug": "release-a-credit-blocked-order",
    "title": "Release a sales order blocked for credit",
    "kind": "procedure",
    "summary": "Reviewing sales orders blocked by the credit check, deciding whether to release, and getting approval in ZCREDIT_REL according to the exposure above the credit limit.",
    "owner": "ravi.deshmukh",
    "topics": ["Credit management", "Approval limits", "Customer master data"],
    "verified_days_ago": 103,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>When a sales order would take a customer's total exposure (open invoices plus open orders plus deliveries not yet billed) above their credit limit, or the customer has items more than 30 days overdue, the order is blocked and cannot be delivered. Sales will chase you within the hour, so this queue is checked several times a day.</p>",
        ),
        ("heading", "Review the blocked orders"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZCREDIT_REL. The worklist shows blocked orders for your credit segments, oldest first, with the customer's limit, exposure, overdue amount and the requested delivery date.</p>",
                    "ZCREDIT_REL",
                ),
                (
                    "<p>Open the customer's account in FBL5N from the line (button <strong>Open items</strong>). Look at what is overdue and why: a disputed invoice is a different story from an unpaid one.</p>",
                    "FBL5N",
                ),
                (
                    "<p>Check the notes on the customer from the last collection calls, shown on the <strong>History</strong> tab.</p>",
                    "ZCREDIT_REL",
                ),
                (
                    "<p>Decide: <strong>Release</strong> with a reason, <strong>Reject</strong> (the order is cancelled and sales is informed), or <strong>Hold</strong> while you wait for a payment promised today.</p>",
                    "ZCREDIT_REL",
                ),
                (
                    "<p>If the release needs a higher approver, the worklist routes it automatically when you press Release. You will see the status <em>Awaiting approval</em>.</p>",
                    "ZCREDIT_REL",
                ),
            ],
        ),
        ("heading", "Who can release"),
        (
            "table",
            "Exposure above the credit limit after this order (EUR equivalent)",
            ["Exposure over limit", "Approver"],
            [
                ["Up to 10% of the limit and under 25,000", "AR analyst"],
                ["Up to 100,000", "AR team lead"],
                ["Over 100,000, or any customer on the watch list", "Company code finance director"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard release transaction (VKM1) releases immediately for anyone with authorisation. We replaced it with ZCREDIT_REL, which adds the approval chain, a mandatory reason code, and a record of who released what. VKM1 is still in the system but no finance role can execute it. The change followed a large customer insolvency in which several orders had been released without anyone above the analyst knowing.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Never raise a customer's credit limit just to release one order. Limit changes go through the monthly credit committee or, in urgent cases, an e-mail approval from the AR team lead attached to the customer record.</p>",
        ),
        ("who_to_ask", ["Credit management"], "for large or unusual releases"),
    ],
}

DUNNING_RUN = {
    "slug": "run-the-dunning-programme",
    "title": "Run the weekly dunning programme",
    "kind": "procedure",
    "summary": "The Wednesday F150 dunning run: parameters, reviewing the proposal, setting dunning blocks for disputed items, and printing or e-mailing letters.",
    "owner": "deepa.nair",
    "topics": ["Dunning", "Customer disputes"],
    "verified_days_ago": 51,
    "body": [
        (
            "text",
            "<p>Dunning letters go out once a week, on Wednesday, for all four company codes. The run is prepared in Pune in the morning, so letters reach UK and Polish customers the same day and US customers at the start of their business day.</p>",
        ),
        ("heading", "Create and review the proposal"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open F150. Enter the run date (today) and identification <code>DUNW</code> plus the week number, for example <code>DUNW45</code>.</p>",
                    "F150",
                ),
                (
                    "<p>On <strong>Parameters</strong> set the dunning date to today and the documents posted up to yesterday. Enter all four company codes and the customer range <code>1*</code>.</p>",
                    "F150",
                ),
                ("<p>Schedule the proposal and wait for it to finish, usually 10 minutes.</p>", "F150"),
                (
                    "<p>Display the proposal list. For each customer moving to level 3 or 4, check FBL5N for disputes or payment promises recorded since the last run.</p>",
                    "FBL5N",
                ),
                (
                    "<p>For items that should not be dunned, edit the proposal and set a dunning block on the item: <strong>D</strong> disputed, <strong>P</strong> payment promised (expires after 14 days), <strong>L</strong> with legal.</p>",
                    "F150",
                ),
            ],
        ),
        ("heading", "Print and send"),
        (
            "steps",
            "",
            [
                (
                    "<p>Schedule the print run. Letters for customers with an e-mail in the <em>Dunning contact</em> field are e-mailed; the rest go to the print queue <code>PUNE_DUN1</code> for posting by the Leeds mailroom.</p>",
                    "F150",
                ),
                (
                    "<p>Check the log for customers without any contact. Send the list to Master Data to fix before next week.</p>",
                    "F150",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Dunning level 4 is ours. The vendor standard stops at level 3 with a final reminder. Our level 4 does not send a letter: it sets the customer's credit block, creates a task for the collections analyst in ZCREDIT_REL and copies the sales account manager. We added it so that customers 50 days overdue cannot keep ordering while someone decides what to do.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>If a customer complains about a letter, look at the dunning history in the customer's line items (field <em>Dunning level</em> and <em>Last dunned</em>) before replying. The answer is often a payment we received but had not yet applied.</p>",
        ),
        ("who_to_ask", ["Dunning", "Customer disputes"], "for letter texts or customers who should be excluded"),
    ],
}

DUNNING_LEVELS = {
    "slug": "dunning-levels-and-letter-texts",
    "title": "Dunning levels, timings and letter texts",
    "kind": "reference",
    "summary": "The days overdue at which each dunning level triggers, what each letter says and in which languages, and the dunning block reasons.",
    "owner": "deepa.nair",
    "topics": ["Dunning", "Customer master data"],
    "verified_days_ago": 87,
    "body": [
        (
            "text",
            "<p>All trade customers use dunning procedure <code>ZB01</code>. Intercompany customers and employees have no dunning procedure and are never dunned. Customers with a dedicated collections agreement (a handful of large retailers) use <code>ZB02</code>, which sends no letters and only creates tasks.</p>",
        ),
        ("heading", "Levels"),
        (
            "table",
            "Dunning procedure ZB01",
            ["Level", "Days overdue", "What happens", "Tone"],
            [
                ["1", "7", "Reminder letter listing overdue items", "Friendly; assumes an oversight"],
                ["2", "21", "Second reminder with account statement", "Firm; asks for payment within 7 days"],
                ["3", "35", "Final notice, copy to sales account manager", "Formal; mentions possible supply hold"],
                ["4", "50", "No letter; credit block set and collections task created", "Handled by phone"],
            ],
        ),
        ("heading", "Languages"),
        (
            "text",
            "<p>The letter language follows the customer's communication language: English, Polish, Hindi-English bilingual for BW40 government customers, and Spanish on request for US customers. The texts are maintained as standard texts <code>ZDUN_L1</code> to <code>ZDUN_L3</code> with a suffix per language. Only the collections lead may change them, and legal reviews any change to level 3.</p>",
        ),
        ("heading", "Dunning blocks"),
        (
            "table",
            "",
            ["Block", "Meaning", "Set by", "Expires"],
            [
                ["D", "Disputed item", "AR analyst, with a dispute case", "When the dispute closes"],
                ["P", "Payment promised", "AR analyst", "After 14 days"],
                ["L", "With legal or collection agency", "Collections lead", "Never; removed manually"],
                ["S", "Stopped at sales request", "AR team lead only", "After 30 days"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Blocks P and S expire automatically through a nightly job of ours; standard dunning blocks stay until someone removes them. Before the job existed, about a fifth of blocked items had blocks older than a year that nobody remembered setting.</p>",
        ),
        ("who_to_ask", ["Dunning"], "for changes to timings or texts"),
    ],
}

COLLECTIONS_FAQ = {
    "slug": "collections-faq",
    "title": "Credit and collections: frequently asked questions",
    "kind": "faq",
    "summary": "Quick answers on credit limits, overdue customers, interest on late payment and what to do when a customer goes into administration.",
    "owner": "deepa.nair",
    "topics": ["Credit management", "Dunning", "Customer disputes"],
    "verified_days_ago": None,
    "body": [
        ("heading", "Credit limits"),
        ("subheading", "How is a new customer's credit limit set?"),
        (
            "text",
            "<p>Sales requests a limit on the new customer form. We check the credit agency score and two years of filed accounts. Limits up to 50,000 EUR are set by the AR team lead; above that the credit committee decides at its monthly meeting.</p>",
        ),
        ("subheading", "Sales says the customer is fine and the block is wrong."),
        (
            "text",
            "<p>The block is never wrong in the sense of being random: it always means the exposure or overdue rule was triggered. Explain which one, and use ZCREDIT_REL if a release is justified.</p>",
        ),
        ("heading", "Late payment"),
        ("subheading", "Do we charge interest on late payments?"),
        (
            "text",
            "<p>Not routinely. In Poland we are required to recognise statutory compensation for late payment in some cases, and the collections team raises those debit notes quarterly. Elsewhere interest is charged only with the AR team lead's agreement, usually as leverage in a negotiation.</p>",
        ),
        ("subheading", "A customer has paid part of an invoice. Does dunning stop?"),
        (
            "text",
            "<p>No. The residual item keeps the original due date and is dunned at its current level. If the short payment is a dispute, set block D on the residual.</p>",
        ),
        ("heading", "Insolvency"),
        ("subheading", "A customer has gone into administration. What do I do?"),
        (
            "text",
            "<p>Tell the AR team lead the same day. Set credit block and dunning block L on the account, stop all open orders, and do not accept any payment offers without legal's agreement; payments made just before insolvency can be reclaimed by the administrator.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>The credit agency alerts arrive in the shared collections mailbox. Skim them every morning; a rating drop is often the first warning.</p>",
        ),
        ("who_to_ask", ["Credit management", "Customer disputes"], "for customer-specific questions"),
    ],
}

CASH_APPLICATION = {
    "slug": "apply-customer-payments",
    "title": "Apply incoming customer payments",
    "kind": "procedure",
    "summary": "Working the ZCASH_MATCH proposals each morning, clearing payments against invoices, and handling short payments, overpayments and unidentified receipts.",
    "owner": "priyanka.rao",
    "topics": ["Cash application", "Bank reconciliation", "Customer disputes"],
    "verified_days_ago": 6,
    "body": [
        (
            "text",
            "<p>Customer payments are imported with the bank statement at 06:00 UK and posted to incoming clearing account <code>113100</code>. ZCASH_MATCH then proposes which open invoices each payment should clear, using the remittance advice, the note to payee and the payment amount. Your job is to confirm or correct the proposals so that customer accounts are right before the dunning and credit checks run.</p>",
        ),
        ("heading", "Work the proposals"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZCASH_MATCH with yesterday's value date and your company codes. Payments are grouped by confidence: <strong>Auto-cleared</strong> (above 95%), <strong>Suggested</strong> (70 to 95%) and <strong>No match</strong>.</p>",
                    "ZCASH_MATCH",
                ),
                (
                    "<p>Skim the auto-cleared group for anything odd, such as a very large payment from a small customer. You can undo an auto-clear from here until 18:00 UK.</p>",
                    "ZCASH_MATCH",
                ),
                (
                    "<p>For each suggested payment, compare the proposed invoices with the remittance (button <strong>Show remittance</strong>). Confirm, or change the selection and confirm.</p>",
                    "ZCASH_MATCH",
                ),
                (
                    "<p>For payments with no match, search the customer's open items in FBL5N by amount and by the reference in the note to payee. Remittances that arrived by e-mail are in the <code>ar-remittances</code> mailbox.</p>",
                    "FBL5N",
                ),
                (
                    "<p>If you still cannot identify the payment, leave it on 113100 with the payer name in the assignment field. Unidentified items are reviewed every Friday.</p>",
                    "ZCASH_MATCH",
                ),
            ],
        ),
        ("heading", "Differences"),
        (
            "table",
            "",
            ["Difference", "What to do"],
            [
                [
                    "Short by up to 50 EUR equivalent",
                    "Clear and write the difference off to 699200 with reason code W1",
                ],
                [
                    "Short by more, with a reason on the remittance",
                    "Clear and leave a residual item with reason code D (dispute)",
                ],
                [
                    "Short by more, no reason",
                    "Clear and leave a residual item with reason code U; collections will call",
                ],
                ["Overpaid", "Post the excess as a payment on account; never write it off"],
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>ZCASH_MATCH is our own front end on top of the standard clearing logic. It adds fuzzy matching on invoice numbers (customers often drop the leading zeros or add their own prefix), learns from your corrections for each customer, and writes an audit trail of who confirmed what. The vendor's standard cash application app did not support our BW40 bank formats when we evaluated it.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>Do not clear a payment against invoices of a different customer, even within the same group of companies, without written instruction from the payer. It creates a receivable for one legal entity and a credit for another.</p>",
        ),
        ("who_to_ask", ["Cash application", "Bank reconciliation"], "for payments you cannot identify"),
    ],
}

FBL5N_HOWTO = {
    "slug": "read-a-customer-account-in-fbl5n",
    "title": "Read a customer account in FBL5N",
    "kind": "how-to",
    "summary": "Using FBL5N with our saved layouts to see open, cleared and overdue items, dunning history and disputes for a customer, and exporting a statement.",
    "owner": "priyanka.rao",
    "topics": ["Cash application", "Customer master data", "Dunning"],
    "verified_days_ago": 122,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>FBL5N is the customer line item display and probably the transaction you will open most in receivables. It is standard, but our saved layouts make it much more useful than the default view.</p>",
        ),
        ("heading", "Open the account"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open FBL5N. Enter the customer number and company code. For a customer billed by several Brightwater companies, enter all of them.</p>",
                    "FBL5N",
                ),
                (
                    "<p>Choose <strong>Open items</strong> with key date today for the current position, or <strong>All items</strong> with a date range to see the payment history.</p>",
                    "FBL5N",
                ),
                (
                    "<p>Under <strong>Layout</strong> choose one of ours: <code>/AR_OPEN</code> for the daily view, <code>/AR_DUNNING</code> to add dunning level and block, <code>/AR_DISPUTE</code> to add the dispute case and reason code.</p>",
                    "FBL5N",
                ),
                ("<p>Execute. Overdue items show a red light, items due a green one.</p>", "FBL5N"),
            ],
        ),
        ("heading", "Useful tricks"),
        (
            "text",
            "<ul><li>Double-click an item to see the accounting document; from there, <strong>Environment, Document environment</strong> shows the original billing document.</li><li>Use the subtotal button on <em>Net due date</em> with the ageing buckets layout <code>/AR_AGEING</code> for a quick aged balance.</li><li>Select items and choose <strong>Mass change</strong> to set a dunning block on several items at once (your role allows only blocks D and P).</li></ul>",
        ),
        ("heading", "Send a statement"),
        (
            "text",
            "<p>Do not export FBL5N to a spreadsheet and send it; the columns change with the layout and customers get confused. Use the statement button added to the toolbar, which produces the standard PDF statement in the customer's language and logs that it was sent.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>The <strong>Statement</strong> toolbar button is ours. Standard correspondence (F.27 or FB12) works, but it does not log who sent what to whom, and disputes kept turning on whether a customer had ever received a statement.</p>",
        ),
        ("who_to_ask", ["Customer master data", "Cash application"], "if a customer account looks wrong"),
    ],
}

AREA = {
    "slug": "order-to-cash",
    "title": "Order to cash",
    "summary": "<p>From invoice to cash: billing customers correctly, managing credit risk, dunning overdue accounts and applying payments so that customer balances are right every morning.</p>",
    "process_owner": "ravi.deshmukh",
    "owner": "priyanka.rao",
    "topics": ["Billing", "Credit management", "Dunning", "Cash application"],
    "articles": [],
    "processes": [
        {
            "slug": "billing",
            "title": "Billing",
            "summary": "<p>Creating, correcting and cancelling customer invoices, including the overnight billing due list and e-invoicing in Poland and India.</p>",
            "process_owner": "ravi.deshmukh",
            "owner": "lucy.tran",
            "topics": ["Billing"],
            "articles": [CREATE_BILLING, CORRECT_INVOICE],
            "processes": [],
        },
        {
            "slug": "credit-and-collections",
            "title": "Credit and collections",
            "summary": "<p>Credit limits, blocked orders, the weekly dunning run and chasing overdue customers.</p>",
            "process_owner": "ravi.deshmukh",
            "owner": "deepa.nair",
            "topics": ["Credit management", "Dunning", "Customer disputes"],
            "articles": [CREDIT_RELEASE, DUNNING_RUN, DUNNING_LEVELS, COLLECTIONS_FAQ],
            "processes": [],
        },
        {
            "slug": "cash-application",
            "title": "Cash application",
            "summary": "<p>Matching incoming customer payments to open invoices every morning and keeping unidentified cash to a minimum.</p>",
            "process_owner": "ravi.deshmukh",
            "owner": "priyanka.rao",
            "topics": ["Cash application"],
            "articles": [CASH_APPLICATION, FBL5N_HOWTO],
            "processes": [],
        },
    ],
}
