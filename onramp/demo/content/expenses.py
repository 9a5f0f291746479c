"""Travel and expenses: claims, approvals, corporate cards, per diems and mileage."""

from __future__ import annotations

SUBMIT_CLAIM = {
    "slug": "submit-an-expense-claim",
    "title": "Submit an expense claim",
    "kind": "procedure",
    "summary": "Creating an expense claim in the expenses portal: expense types, receipts, cost centre, and the deadlines after which claims are rejected.",
    "owner": "maria.santos",
    "topics": ["Expense claims", "Per diems", "Mileage"],
    "verified_days_ago": 18,
    "body": [
        (
            "text",
            "<p>Everyone at Brightwater claims expenses through the expenses portal, including the finance team. Claims flow into the ERP for approval in ZEXP_APPR, are checked by the Travel and Expenses team and are paid in the Friday employee payment run. This page is the claimant's view; you will also be asked about it by colleagues from other departments.</p>",
        ),
        ("heading", "Deadlines"),
        (
            "text",
            "<ul><li>Submit within <strong>30 days</strong> of the expense date. Late claims are accepted up to 90 days with a reason.</li><li>Claims with any line older than <strong>90 days</strong> are rejected by the system, with no exceptions below director level.</li><li>Claims approved by <strong>Wednesday 17:00 local time</strong> are paid in that Friday's run.</li></ul>",
        ),
        ("heading", "Create the claim"),
        (
            "steps",
            "",
            [
                (
                    "<p>In the expenses portal choose <strong>New claim</strong> and give it a name that describes the trip or month, for example <em>Kraków site visit 12 to 14 Nov</em>.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Add card transactions first: they appear automatically from your corporate card feed under <strong>Available items</strong>. Drag them into the claim.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Add out-of-pocket items with <strong>New expense</strong>. Pick the expense type carefully: it decides the G/L account and the policy limits applied.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Attach a receipt to every item at or above the receipt threshold (20 GBP, 100 PLN, 25 USD, 2,000 INR). Photos from the mobile app are fine if the amount, date and supplier are readable.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>For per diems and mileage use the dedicated expense types; the portal calculates the amount from the rate tables. Do not also claim meals on the days you claim a per diem.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Check the cost centre on the header. It defaults to your home cost centre; change it if a project or another department is paying.</p>",
                    "Expenses portal",
                ),
                ("<p>Submit. The claim goes to your line manager in ZEXP_APPR.</p>", "Expenses portal"),
            ],
        ),
        (
            "table",
            "Common expense types",
            ["Expense type", "G/L account", "Notes"],
            [
                ["Hotel", "640000", "Nightly cap by city; see the policy limits page"],
                ["Air / rail / taxi", "640000", "Economy and standard class unless the policy allows otherwise"],
                ["Meals while travelling", "641000", "Only on days without a per diem"],
                ["Per diem", "641000", "Calculated from the country rate table"],
                ["Mileage", "642000", "Calculated from distance and the country rate"],
                ["Client entertainment", "643000", "Names of all attendees required"],
            ],
        ),
        (
            "callout",
            "tip",
            "<p>If a line is rejected, you do not have to resubmit the whole claim. Correct the rejected line and press <strong>Resubmit line</strong>; the approved lines carry on to payment.</p>",
        ),
        ("who_to_ask", ["Expense claims", "Per diems"], "if you are unsure which expense type to use"),
    ],
}

APPROVE_CLAIMS = {
    "slug": "approve-expense-claims",
    "title": "Approve expense claims in ZEXP_APPR",
    "kind": "procedure",
    "summary": "How managers and the Travel and Expenses team approve claims in ZEXP_APPR, the approval chain by amount, line-level rejection, and the audit sample.",
    "owner": "dana.whitfield",
    "topics": ["Expense claims", "Approval limits", "Segregation of duties"],
    "verified_days_ago": 99,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>Every claim is approved by the claimant's line manager and then checked by the Travel and Expenses team before payment. Managers usually approve from the e-mail link or the Fiori tile; the Travel and Expenses team works the full ZEXP_APPR transaction, which this page describes.</p>",
        ),
        ("heading", "The approval chain"),
        (
            "table",
            "",
            ["Claim total (EUR equivalent)", "Approvers in order"],
            [
                ["Up to 2,500", "Line manager, then T&E check"],
                ["2,500 to 10,000", "Line manager, cost centre budget holder if different, then T&E check"],
                ["Over 10,000", "As above, then company code finance director"],
                ["Any claim by a director", "Their own manager, then T&E check, never a peer"],
            ],
        ),
        ("heading", "Work the T&E queue"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZEXP_APPR with your company codes. The <strong>T&amp;E check</strong> tab shows claims already approved by managers. Columns show the policy flags raised by the system.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>Open a claim. Lines with a flag (over hotel cap, missing receipt, meal on a per diem day, weekend expense) are shown first. Open the receipt image from each line.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>For each flagged line choose <strong>Accept</strong> (with a note if it is a justified exception), <strong>Reduce</strong> (pay the policy amount only) or <strong>Reject line</strong> with a reason. The claimant receives the reason by e-mail.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>Claims in the audit sample have a blue flag. Check every line of those against the receipts, not just the flagged ones.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>Press <strong>Release for payment</strong>. The claim posts to the employee's ZEMP vendor account and is picked up by the Friday run.</p>",
                    "ZEXP_APPR",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor's standard travel approval is all or nothing: a manager can only approve or reject the whole claim. ZEXP_APPR adds line-level decisions and the automatic policy flags, because returning a twenty-line claim for one missing taxi receipt delayed payment by weeks and generated a lot of complaints. It also enforces that nobody approves their own claim, their manager's claim, or a claim charged to a cost centre they are the only budget holder of and also claimed on.</p>",
        ),
        ("heading", "The audit sample"),
        (
            "text",
            "<p>The system marks for full audit: a random 10% of claims, every claim over 1,000 EUR, every claim with an accepted policy exception in the last three months, and every claim by a new employee in their first three months. Sampled claims must be checked within 3 working days.</p>",
        ),
        ("who_to_ask", ["Expense claims", "Approval limits"], "for policy exceptions or approver problems"),
    ],
}

POLICY_LIMITS = {
    "slug": "expense-policy-limits",
    "title": "Travel and expense policy limits",
    "kind": "reference",
    "summary": "Hotel caps by city, travel class rules, entertainment limits, receipt thresholds and what is never reimbursed, for all four countries.",
    "owner": "dana.whitfield",
    "topics": ["Expense claims", "Approval limits", "Corporate cards"],
    "verified_days_ago": 64,
    "body": [
        (
            "text",
            "<p>These are the limits the portal and ZEXP_APPR check automatically. The full policy document is longer; this page is the part you need day to day. Limits are in local currency because that is what travellers see on their receipts.</p>",
        ),
        ("heading", "Hotels"),
        (
            "table",
            "Maximum per night, room only, including taxes",
            ["Country", "Major city", "Elsewhere"],
            [
                ["United Kingdom", "London 200 GBP", "130 GBP"],
                ["Poland", "Warsaw 600 PLN, Kraków 450 PLN", "380 PLN"],
                ["United States", "New York and San Francisco 350 USD; other major cities 250 USD", "180 USD"],
                ["India", "Mumbai, Delhi, Bengaluru, Pune 9,000 INR", "6,000 INR"],
            ],
        ),
        ("heading", "Travel"),
        (
            "text",
            "<ul><li>Flights: economy for flights under 6 hours, premium economy over 6 hours, business over 9 hours only with director approval before booking.</li><li>Rail: standard class. First class only if it is cheaper at the time of booking; keep the screenshot.</li><li>Taxis: when public transport is impractical, late at night, or carrying equipment. Not for daily commuting.</li><li>Car hire: compact or intermediate category, fuel returned full.</li></ul>",
        ),
        ("heading", "Entertainment and other"),
        (
            "table",
            "",
            ["Item", "Limit", "Conditions"],
            [
                [
                    "Client entertainment",
                    "75 EUR equivalent per head",
                    "Attendee names and companies required; alcohol allowed only here",
                ],
                ["Team meals", "40 EUR equivalent per head", "Manager's prior approval; one per quarter per team"],
                [
                    "Receipts required",
                    "20 GBP / 100 PLN / 25 USD / 2,000 INR",
                    "Per item; itemised receipts, not card slips",
                ],
                ["Home internet and phone", "Not reimbursed", "Covered by the hybrid working allowance in payroll"],
            ],
        ),
        ("heading", "Never reimbursed"),
        (
            "text",
            "<p>Alcohol outside client entertainment, fines and parking penalties, personal travel insurance, upgrades paid for personally and then claimed, minibar, in-flight purchases, and loyalty scheme fees.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>Hotel caps in the portal are checked per night, not per stay as the vendor's standard travel module does. A three-night stay at 150, 150 and 260 GBP in London passes a per-stay check of 600 GBP but fails our per-night check on the third night, which is what the policy actually says.</p>",
        ),
        ("who_to_ask", ["Expense claims", "Per diems"], "for a policy question not covered here"),
    ],
}

EXPENSES_FAQ = {
    "slug": "expenses-faq",
    "title": "Expenses: frequently asked questions",
    "kind": "faq",
    "summary": "Answers to the expense questions the Travel and Expenses team gets most: lost receipts, foreign currency, claims for others, and payment timing.",
    "owner": "dana.whitfield",
    "topics": ["Expense claims", "Corporate cards"],
    "verified_days_ago": 210,
    "body": [
        ("heading", "Receipts"),
        ("subheading", "I lost a receipt. Can I still claim?"),
        (
            "text",
            "<p>Yes, once per quarter, using the <strong>Missing receipt declaration</strong> on the line. Your manager sees the declaration when approving. More than one per quarter and the T&amp;E team will reject the line.</p>",
        ),
        ("subheading", "The receipt is in a foreign language."),
        (
            "text",
            "<p>That is fine. Enter a short description in English on the line so the approver knows what it was.</p>",
        ),
        ("heading", "Currency"),
        ("subheading", "I paid in euros on a personal card. Which rate is used?"),
        (
            "text",
            "<p>The portal converts at the daily rate for the expense date. If your bank charged you a different rate, attach the card statement line and choose <strong>Use my rate</strong>; the difference is accepted up to 3%.</p>",
        ),
        ("heading", "Claims and payment"),
        ("subheading", "Can I claim for a colleague's dinner that I paid for?"),
        (
            "text",
            "<p>Yes, if you were both travelling and you list them as an attendee. They must not claim their own meal for the same day, and the portal checks this.</p>",
        ),
        ("subheading", "When will I be paid?"),
        (
            "text",
            "<p>Claims released by the T&amp;E team by Wednesday 17:00 local time are paid in Friday's employee run. Payment reaches UK and Polish accounts the same day, US accounts the next business day and Indian accounts within two days.</p>",
        ),
        ("subheading", "I left personal spending on my corporate card. How do I pay it back?"),
        (
            "text",
            "<p>Mark the transaction as <strong>Personal</strong> in the portal. It is deducted from your next claim, or, if you have no claim within 30 days, you will be asked to pay it back by bank transfer.</p>",
        ),
        ("who_to_ask", ["Expense claims", "Corporate cards"], "for anything not covered here"),
    ],
}

CARD_RECONCILE = {
    "slug": "reconcile-a-corporate-card-statement",
    "title": "Reconcile a corporate card statement",
    "kind": "procedure",
    "summary": "How cardholders reconcile their monthly card transactions in the portal and how the T&E team chases and suspends cards that are not reconciled within 45 days.",
    "owner": "cody.reyes",
    "topics": ["Corporate cards", "Expense claims"],
    "verified_days_ago": 35,
    "body": [
        (
            "text",
            "<p>Corporate card transactions are paid by Brightwater directly to the card provider every month, so the money has gone before anyone has checked what it was for. Reconciliation is how we find out. Every transaction must end up either in an approved expense claim or marked as personal and repaid.</p>",
        ),
        ("heading", "Cycle"),
        (
            "table",
            "",
            ["Date", "What happens"],
            [
                ["25th of each month", "Statement cycle closes"],
                ["5th of the following month", "Cardholders should have all transactions in submitted claims"],
                ["30 days after statement", "Reminder to cardholder and line manager"],
                ["45 days after statement", "Card suspended automatically until reconciled"],
                ["90 days after statement", "Unreconciled amounts recovered through payroll"],
            ],
        ),
        ("heading", "Cardholder steps"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open the expenses portal and go to <strong>Available items</strong>. Card transactions appear within two days of the purchase.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Add each transaction to a claim, choose the expense type and attach the receipt, exactly as for an out-of-pocket expense.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Mark any personal transaction as <strong>Personal</strong>. It is deducted from the next claim.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Submit the claim. Card lines are not paid to you; they clear the card account.</p>",
                    "Expenses portal",
                ),
            ],
        ),
        ("heading", "T&E team steps"),
        (
            "steps",
            "",
            [
                (
                    "<p>On the 6th, run the unreconciled card report in ZEXP_APPR, tab <strong>Card items</strong>, with the statement date.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>Check that the total of the statement equals the total loaded into the card clearing account 118500. Differences mean a feed problem; tell Finance Systems.</p>",
                    "FBL3N",
                ),
                (
                    "<p>Review the suspension list the day before suspension runs. You can defer a suspension by 14 days for cardholders on long-term sick leave or parental leave.</p>",
                    "ZEXP_APPR",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard card interface only loads transactions; suspension is done by hand in the card provider's portal. We built an outbound interface so that ZEXP_APPR suspends and reinstates cards automatically. Before this, suspension was applied inconsistently and the 45-day rule was widely ignored.</p>",
        ),
        ("who_to_ask", ["Corporate cards"], "for missing transactions or a suspended card"),
    ],
}

CARD_ISSUE = {
    "slug": "issue-or-cancel-a-corporate-card",
    "title": "Issue, change or cancel a corporate card",
    "kind": "how-to",
    "summary": "For the T&E team: who is eligible for a card, how to order one, change its limit, and cancel it for leavers or after loss or fraud.",
    "owner": "cody.reyes",
    "topics": ["Corporate cards", "Approval limits"],
    "verified_days_ago": 155,
    "body": [
        (
            "text",
            "<p>Cards are issued to employees who travel on business at least four times a year or who regularly buy on behalf of their team. They are not a perk, and the programme costs money per card, so requests without a clear need are declined.</p>",
        ),
        ("heading", "Issue a card"),
        (
            "steps",
            "",
            [
                (
                    "<p>The employee's manager submits the card request form in the HR portal. It includes the business reason and the requested monthly limit.</p>",
                    None,
                ),
                (
                    "<p>Check eligibility and the limit: the standard monthly limit is 5,000 EUR equivalent; anything higher needs the T&amp;E team lead's approval.</p>",
                    None,
                ),
                (
                    "<p>Order the card in the card provider's portal with the employee's name exactly as on their passport, the cost centre, and the limit. Record the card's last four digits against the employee in ZEXP_APPR, tab <strong>Cardholders</strong>, so transactions feed to the right person.</p>",
                    "ZEXP_APPR",
                ),
                (
                    "<p>The card is posted to the employee's office address. They activate it by phone and sign the cardholder agreement in the HR portal before the card works.</p>",
                    None,
                ),
            ],
        ),
        ("heading", "Change a limit"),
        (
            "text",
            "<p>Temporary increases for a specific trip are allowed for up to 60 days with the manager's e-mail approval. Permanent increases follow the same approval as a new card. Make the change in the card provider's portal and update the limit in ZEXP_APPR so the reports agree.</p>",
        ),
        ("heading", "Cancel a card"),
        (
            "table",
            "",
            ["Reason", "When", "Steps"],
            [
                [
                    "Leaver",
                    "On the last working day",
                    "Triggered by the HR leaver feed; check all transactions are reconciled or recovered through final pay",
                ],
                [
                    "Lost or stolen",
                    "Immediately",
                    "Cardholder calls the provider's 24-hour line; T&E orders a replacement",
                ],
                [
                    "Suspected fraud",
                    "Immediately",
                    "Cardholder calls the provider; disputed items marked as Disputed in the portal, not Personal",
                ],
                [
                    "No longer needed",
                    "Within 5 working days of request",
                    "Cancel in the provider's portal, deactivate in ZEXP_APPR",
                ],
            ],
        ),
        (
            "callout",
            "warning",
            "<p>Never cancel a leaver's card before their last working day even if HR asks; people often have travel booked for their final week. Cancel it on the last day, not before.</p>",
        ),
        ("who_to_ask", ["Corporate cards"], "for card provider questions"),
    ],
}

PER_DIEM_RATES = {
    "slug": "per-diem-rates",
    "title": "Per diem rates and rules",
    "kind": "reference",
    "summary": "Daily allowance rates for business travel in each country, partial-day rules, and deductions when meals are provided.",
    "owner": "maria.santos",
    "topics": ["Per diems", "Expense claims"],
    "verified_days_ago": 12,
    "interval": 180,
    "body": [
        (
            "text",
            "<p>A per diem is a fixed daily amount that covers meals and small incidental costs while travelling, so no meal receipts are needed. It is optional: you can claim actual meal costs with receipts instead, but not both on the same day.</p>",
        ),
        ("heading", "Rates"),
        (
            "table",
            "Daily rates for travel within the home country",
            ["Home company code", "Overnight trip, per day", "Day trip over 10 hours"],
            [
                ["BW10 (UK)", "35 GBP", "15 GBP"],
                [
                    "BW20 (Poland)",
                    "Statutory domestic rate, currently 45 PLN",
                    "Half the statutory rate if the trip is 8 to 12 hours",
                ],
                ["BW30 (US)", "Federal M&IE rate for the destination", "Not paid"],
                ["BW40 (India)", "2,500 INR in metro cities, 1,800 INR elsewhere", "800 INR"],
            ],
        ),
        (
            "text",
            "<p>For international travel, BW20 employees receive the statutory foreign rate for the destination country, as Polish law requires. Employees of other company codes receive the rate from the group foreign travel table, which Maria updates every January and July.</p>",
        ),
        ("heading", "Partial days and meal deductions"),
        (
            "text",
            "<ul><li>First and last day of an overnight trip: 75% of the daily rate, except BW20 which follows the statutory hours-based rule.</li><li>Deduct for meals provided free (by a hotel, conference or client): breakfast 15%, lunch 35%, dinner 50% of the daily rate.</li><li>No per diem for days spent at your normal place of work, even if you stayed in a hotel the night before.</li></ul>",
        ),
        (
            "callout",
            "customisation",
            "<p>The portal calculates per diems itself from trip start and end times and the meals you tick as provided. The vendor's standard travel module only supports one rate schedule per country; we needed the Polish statutory rules and the US federal rates side by side, so the rate tables are our own and are loaded into the portal from the table maintained in the ERP.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>Enter the real departure and return times. The Polish rules and the 10-hour day trip rule both depend on them, and the audit sample compares them with train and flight times on your tickets.</p>",
        ),
        ("who_to_ask", ["Per diems"], "for rates for a country not in the table"),
    ],
}

MILEAGE = {
    "slug": "claim-business-mileage",
    "title": "Claim business mileage",
    "kind": "how-to",
    "summary": "Claiming mileage for business journeys in a private car: the rates per country, what counts as business mileage, and what to record.",
    "owner": "maria.santos",
    "topics": ["Mileage", "Expense claims"],
    "verified_days_ago": 250,
    "body": [
        (
            "text",
            "<p>If you use your own car for business travel you can claim mileage at a fixed rate that covers fuel, wear and insurance. You cannot claim fuel receipts as well.</p>",
        ),
        ("heading", "What counts"),
        (
            "text",
            "<ul><li>Journeys from your normal workplace to another site, a customer or a supplier, and back.</li><li>Journeys from home to a temporary workplace, minus your normal commute if that is shorter.</li><li>Not counted: your normal commute, even if you stop at a post office on the way for work.</li></ul>",
        ),
        ("heading", "Rates"),
        (
            "table",
            "",
            ["Country", "Rate", "Notes"],
            [
                [
                    "United Kingdom",
                    "45p per mile for the first 10,000 business miles in the tax year, 25p after",
                    "Passenger supplement 5p per mile per colleague",
                ],
                [
                    "Poland",
                    "1.15 PLN per km for engines over 900 cc, 0.89 PLN per km up to 900 cc",
                    "Statutory rates; a monthly mileage record is required",
                ],
                ["United States", "Current IRS standard business rate", "Loaded each January"],
                ["India", "12 INR per km for cars, 5 INR per km for two-wheelers", "Company rate"],
            ],
        ),
        ("heading", "Make the claim"),
        (
            "steps",
            "",
            [
                (
                    "<p>In the expenses portal add a line with expense type <strong>Mileage</strong>.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Enter the start and end addresses. The portal calculates the shortest route; if you took a longer route for a reason (road closed, picked up a colleague) enter the actual distance and explain.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>Enter the purpose, for example <em>Supplier audit at Wakefield plant</em>, and any colleagues who travelled with you.</p>",
                    "Expenses portal",
                ),
                (
                    "<p>BW20 employees also upload the monthly mileage record (ewidencja przebiegu) signed by their manager.</p>",
                    "Expenses portal",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The UK rate drops from 45p to 25p after 10,000 miles in the tax year, April to April. The portal keeps a running total per employee and switches the rate automatically, including across several claims. The vendor standard only supports one rate per vehicle type, so UK high-mileage drivers used to be overpaid and taxed on the difference.</p>",
        ),
        ("who_to_ask", ["Mileage"], "for unusual journeys or rate questions"),
    ],
}

AREA = {
    "slug": "expenses",
    "title": "Travel and expenses",
    "summary": "<p>Employee expense claims, the <strong>ZEXP_APPR</strong> approval workflow, corporate cards, per diems and mileage, across all four countries.</p>",
    "process_owner": "dana.whitfield",
    "owner": "dana.whitfield",
    "topics": ["Expense claims", "Corporate cards", "Per diems"],
    "articles": [],
    "processes": [
        {
            "slug": "expense-claims",
            "title": "Expense claims",
            "summary": "<p>Submitting, approving, checking and paying employee expense claims.</p>",
            "process_owner": "dana.whitfield",
            "owner": "maria.santos",
            "topics": ["Expense claims", "Approval limits"],
            "articles": [SUBMIT_CLAIM, APPROVE_CLAIMS, POLICY_LIMITS, EXPENSES_FAQ],
            "processes": [],
        },
        {
            "slug": "corporate-cards",
            "title": "Corporate cards",
            "summary": "<p>The corporate card programme: issuing cards, monthly reconciliation and suspension.</p>",
            "process_owner": "dana.whitfield",
            "owner": "cody.reyes",
            "topics": ["Corporate cards"],
            "articles": [CARD_RECONCILE, CARD_ISSUE],
            "processes": [],
        },
        {
            "slug": "travel-allowances",
            "title": "Per diems and mileage",
            "summary": "<p>Fixed-rate allowances for meals while travelling and for business use of a private car.</p>",
            "process_owner": "dana.whitfield",
            "owner": "maria.santos",
            "topics": ["Per diems", "Mileage"],
            "articles": [PER_DIEM_RATES, MILEAGE],
            "processes": [],
        },
    ],
}
