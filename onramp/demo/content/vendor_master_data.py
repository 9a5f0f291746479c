"""Vendor master data: onboarding new vendors, changing existing ones, and the controls around bank details."""

from __future__ import annotations

REQUEST_VENDOR = {
    "slug": "request-a-new-vendor",
    "title": "Request a new vendor (ZVEND_REQ)",
    "kind": "procedure",
    "summary": "How a buyer or AP analyst requests a new vendor in ZVEND_REQ, which documents each country needs, and how long Master Data takes.",
    "owner": "marek.lis",
    "topics": ["Vendor onboarding", "Vendor master data", "Tax codes"],
    "verified_days_ago": 23,
    "body": [
        (
            "text",
            "<p>Nobody outside the Master Data team can create or change a vendor. Everyone else, including AP analysts, requests one through ZVEND_REQ. The request captures the data, the supporting documents and the business reason, and the Master Data team creates the record from it.</p>",
        ),
        ("heading", "Before you request"),
        (
            "text",
            "<ul><li>Search for the vendor first in FK03 or, better, in the ZVEND_REQ <strong>Search existing</strong> tab, which searches by name, VAT number and bank account across all company codes. Many requests are for vendors that already exist in another company code and only need extending.</li><li>Get the vendor's completed supplier information form, signed, on their letterhead or from their official e-mail domain.</li><li>Procurement must have approved the supplier for anything over 10,000 EUR a year; attach their approval.</li></ul>",
        ),
        ("heading", "Documents by country"),
        (
            "table",
            "",
            ["Vendor country", "Required documents"],
            [
                ["United Kingdom", "Supplier form; VAT registration (if registered); Companies House number"],
                ["Poland", "Supplier form; NIP and REGON; confirmation that the bank account is on the VAT white list"],
                ["United States", "Supplier form; signed W-9; note whether 1099 reporting applies"],
                ["India", "Supplier form; PAN; GSTIN certificate; MSME registration certificate if the vendor has one"],
                ["Any other country", "Supplier form; tax registration; bank letter confirming the account holder"],
            ],
        ),
        ("heading", "Submit the request"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZVEND_REQ and choose <strong>New vendor</strong>. Pick the account group: <code>ZTRD</code> for trade suppliers of goods and services, <code>ZGOV</code> for tax and government bodies. Employees (<code>ZEMP</code>) and intercompany vendors (<code>ZICO</code>) are created by Master Data directly and cannot be requested.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Enter the company codes and purchasing organisations the vendor needs. Only ask for the ones that will really trade with them.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Fill in name, address, tax numbers, contact and remittance e-mail, and the proposed payment terms. Standard terms are <code>N060</code> (net 60) for BW10 and BW30, <code>N030</code> for BW20 and <code>N045</code> for BW40 MSME vendors.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Enter the bank details exactly as on the supplier form, and attach the form and all documents.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Submit. The request goes to the Master Data queue for the vendor's main company code, and you can follow its status in <strong>My requests</strong>.</p>",
                    "ZVEND_REQ",
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard has no request step: a user with XK01 creates the vendor directly. We added ZVEND_REQ so that the person who knows the business need and the person who maintains master data are never the same, and so every vendor has its documents attached from day one. Auditors sample twenty new vendors a year and check the attachments.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>Master Data's target is 3 working days from a complete request. Most delays are incomplete requests returned to the requester. Polish white list checks and Indian MSME certificates are the usual missing items.</p>",
        ),
        ("who_to_ask", ["Vendor onboarding"], "if you are unsure which account group or documents apply"),
    ],
}

CREATE_VENDOR = {
    "slug": "create-a-vendor-from-a-request",
    "title": "Create a vendor from a ZVEND_REQ request",
    "kind": "procedure",
    "summary": "For the Master Data team: checking a vendor request, running the duplicate check, creating the record in XK01 and verifying the bank details before first payment.",
    "owner": "marek.lis",
    "topics": ["Vendor master data", "Vendor onboarding", "Duplicate vendor checks"],
    "verified_days_ago": 108,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>This page is for the Master Data team. It describes how a request in the ZVEND_REQ queue becomes a vendor record that can be ordered from and paid.</p>",
        ),
        ("heading", "Check the request"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open ZVEND_REQ, <strong>Work queue</strong>, and take the oldest request for your company codes with <strong>Claim</strong>.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Check that every required document for the country is attached and readable, and that the names and numbers on the documents match the request. Return incomplete requests with a comment; do not complete them from guesswork.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Validate tax numbers online: VAT numbers through the HMRC or VIES checks, Polish NIP and bank account on the white list, Indian GSTIN on the GST portal. Save a screenshot of each check to the request.</p>",
                    None,
                ),
                (
                    "<p>Press <strong>Duplicate check</strong>. ZVEND_DUP runs and shows possible matches. If there is a likely duplicate, stop and follow the duplicate check how-to.</p>",
                    "ZVEND_DUP",
                ),
            ],
        ),
        ("heading", "Create the record"),
        (
            "steps",
            "",
            [
                (
                    "<p>Press <strong>Create in XK01</strong> from the request. XK01 opens with the account group, company codes and purchasing organisations pre-filled from the request.</p>",
                    "XK01",
                ),
                (
                    "<p>Check every tab against the field guide: address and search term, control data (tax numbers), payment transactions (bank), company code data (reconciliation account <code>211000</code>, payment terms, payment methods), purchasing data (order currency, incoterms).</p>",
                    "XK01",
                ),
                (
                    "<p>Leave the <strong>Call-back reference</strong> field empty. Save. The vendor is created with payment block <code>Z1</code> on all company codes.</p>",
                    "XK01",
                ),
            ],
        ),
        ("heading", "Verify the bank details"),
        (
            "text",
            "<p>Call the vendor on a number you found independently, never one given on the supplier form: their official website, a previous invoice from a known relationship, or a directory listing. Ask them to read the account number and sort code or IBAN to you. Record who you spoke to, when and the number you called in the call-back reference field, then submit for confirmation. A second team member confirms in FK08 and the Z1 block is lifted.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>New vendors start blocked with our key Z1 until a second person confirms the call-back. The vendor standard only applies dual control to later changes of sensitive fields, not to the first creation, which meant a fraudulent new vendor could be paid without anyone else looking at it.</p>",
        ),
        ("who_to_ask", ["Vendor master data", "Bank details changes"], "if a record will not save or a check fails"),
    ],
}

DUPLICATE_CHECK = {
    "slug": "check-for-duplicate-vendors",
    "title": "Check for duplicate vendors with ZVEND_DUP",
    "kind": "how-to",
    "summary": "Reading the ZVEND_DUP match report, deciding whether a match is a real duplicate, and what to do with the request and the old record when it is.",
    "owner": "marek.lis",
    "topics": ["Duplicate vendor checks", "Vendor master data"],
    "verified_days_ago": 42,
    "body": [
        (
            "text",
            "<p>Duplicate vendors are how invoices get paid twice and how fraudsters hide. ZVEND_DUP compares a new request or an existing vendor against all vendors in all company codes and scores the similarity.</p>",
        ),
        ("heading", "What it compares"),
        (
            "table",
            "",
            ["Check", "Weight", "Notes"],
            [
                [
                    "Tax number (VAT, NIP, EIN, GSTIN, PAN)",
                    "High",
                    "An exact match is almost always the same legal entity",
                ],
                ["IBAN or account number", "High", "A match with a different name is a red flag, not just a duplicate"],
                ["Name, normalised", "Medium", "Ignores Ltd, Sp. z o.o., Inc., Pvt, punctuation and case"],
                ["Postcode and street", "Medium", "Helps with names that changed after a rebrand"],
                ["Telephone and e-mail domain", "Low", "Shared service centres often share domains"],
            ],
        ),
        ("heading", "Work through the matches"),
        (
            "steps",
            "",
            [
                (
                    "<p>Run ZVEND_DUP from the request or directly with a vendor number. Matches scoring 80 or more are shown in red, 50 to 79 in amber.</p>",
                    "ZVEND_DUP",
                ),
                (
                    "<p>Open each red match with <strong>Compare</strong>. The two records are shown side by side with differences highlighted.</p>",
                    "ZVEND_DUP",
                ),
                (
                    "<p>If it is the same legal entity, reject the request with reason <strong>Exists</strong> and the existing vendor number. If the request needs another company code, extend the existing vendor with XK01 and the <strong>Reference</strong> vendor instead.</p>",
                    "XK01",
                ),
                (
                    "<p>If the bank account matches but the legal entity is different, do not create anything. Send the request and the match to the Master Data team lead; it may be a factoring company, a parent paying for a subsidiary, or fraud.</p>",
                    None,
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>The vendor standard's duplicate check only warns on an identical name and postcode within one company code. We built ZVEND_DUP after a 2022 clean-up found over 600 duplicate pairs across our four company codes, mostly the same supplier created separately by the UK and Polish teams with slightly different spellings.</p>",
        ),
        ("heading", "Old duplicates"),
        (
            "text",
            "<p>When you find two existing vendors that are duplicates, do not merge or delete anything. Set the posting and purchasing block on the newer one with XK05, add a note pointing to the surviving vendor, and tell AP so that open items are moved with F-02 before the block takes effect.</p>",
        ),
        ("who_to_ask", ["Duplicate vendor checks"], "when you are unsure whether two records are the same company"),
    ],
}

FIELD_GUIDE = {
    "slug": "vendor-master-field-guide",
    "title": "Vendor master field guide",
    "kind": "reference",
    "summary": "The vendor master fields we use, what goes in each, which are sensitive, and the account groups and number ranges.",
    "owner": "tomasz.nowak",
    "topics": ["Vendor master data", "Bank details changes", "Payment runs"],
    "verified_days_ago": 175,
    "body": [
        (
            "text",
            "<p>Use this guide when creating or checking a vendor in XK01, XK02 or FK03. Fields not listed are either defaulted by the account group or not used by Brightwater; leave them empty.</p>",
        ),
        ("heading", "Account groups"),
        (
            "table",
            "",
            ["Group", "Used for", "Number range", "Requested through ZVEND_REQ"],
            [
                ["ZTRD", "Trade suppliers of goods and services", "100000 to 199999", "Yes"],
                ["ZGOV", "Tax authorities and government bodies", "700000 to 709999", "Yes"],
                ["ZONE", "One-time vendors, only for refunds to private individuals", "600000 to 609999", "No"],
                ["ZEMP", "Employees, for expense payments", "800000 to 899999", "No, created from HR data"],
                ["ZICO", "Brightwater companies", "900000 to 900099", "No"],
            ],
        ),
        ("heading", "Key fields"),
        (
            "table",
            "",
            ["Tab", "Field", "What to enter"],
            [
                ["Address", "Name 1 and 2", "Legal name exactly as on the tax registration"],
                ["Address", "Search term", "First word of the name in capitals, plus the city, e.g. ACME LEEDS"],
                ["Control", "Tax number 1 / VAT reg. no.", "Without spaces; VAT numbers with the country prefix"],
                [
                    "Payment transactions",
                    "Bank country, key, account, IBAN",
                    "Sensitive; changed only through the bank change procedure",
                ],
                [
                    "Payment transactions",
                    "Call-back reference",
                    "Our field: who confirmed the bank details, when, on which number",
                ],
                [
                    "Company code",
                    "Reconciliation account",
                    "211000 for ZTRD and ZGOV, 212000 for ZEMP, 255000 for ZICO",
                ],
                ["Company code", "Payment terms", "From the request; sensitive"],
                ["Company code", "Payment methods", "B, E, A, N or T to match the bank country; sensitive"],
                ["Company code", "Remittance e-mail", "Our field: where payment advices are sent"],
                ["Company code", "Check double invoice", "Always ticked"],
            ],
        ),
        ("heading", "Sensitive fields"),
        (
            "text",
            "<p>Changes to the sensitive fields (bank details, payment terms, payment methods, alternative payee, reconciliation account) lock the vendor for payment until a second person confirms the change in FK08. Our key Z1 is set on open items at the same time.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>We added two fields to the vendor record: <strong>Call-back reference</strong> and <strong>Remittance e-mail</strong>. Standard stores remittance addresses in the communication data, where they were overwritten whenever a buyer updated a sales contact. The call-back reference is required before FK08 confirmation is possible.</p>",
        ),
        ("who_to_ask", ["Vendor master data"], "for any field not covered here"),
    ],
}

TAX_CODES = {
    "slug": "tax-codes-by-company-code",
    "title": "Tax codes by company code",
    "kind": "reference",
    "summary": "The input and output tax codes used in BW10, BW20, BW30 and BW40, with the common cases for each and the reverse-charge traps.",
    "owner": "marek.lis",
    "topics": ["Tax codes", "Intercompany", "Billing"],
    "verified_days_ago": 118,
    "interval": 90,
    "body": [
        (
            "text",
            "<p>Tax codes default from the vendor, customer and material records, but the default is not always right, particularly for services crossing borders. If you are not sure, ask before posting: a wrong tax code is corrected on a VAT return, not just in the ledger.</p>",
        ),
        ("heading", "Input tax (purchases)"),
        (
            "table",
            "",
            ["Company code", "Code", "Meaning"],
            [
                ["BW10", "V1", "UK standard rate 20%"],
                ["BW10", "V2", "UK reduced rate 5% (for example domestic energy at some sites)"],
                ["BW10", "V0", "Zero-rated"],
                ["BW10", "VR", "Reverse charge on services bought from abroad; posts input and output together"],
                ["BW20", "P3 / P2 / P1 / P0", "Polish 23% / 8% / 5% / 0%"],
                ["BW20", "PR", "Reverse charge, including intercompany services from BW10"],
                ["BW30", "U0", "No sales tax charged, none due"],
                ["BW30", "U1", "Use tax self-assessed where the vendor did not charge sales tax"],
                ["BW40", "G1 / G3 / G5", "GST 5% / 18% / 40%; CGST and SGST or IGST split decided by place of supply"],
                ["BW40", "GR", "GST reverse charge on notified services"],
            ],
        ),
        ("heading", "Output tax (sales)"),
        (
            "table",
            "",
            ["Company code", "Code", "Meaning"],
            [
                ["BW10", "A1", "UK standard rate 20%"],
                ["BW10", "A0", "Zero-rated export or supply to a business outside the UK"],
                ["BW10", "O0", "Intercompany service to BW20, reverse-charged by the customer"],
                ["BW20", "S3", "Polish 23%"],
                [
                    "BW30",
                    "Jurisdiction codes",
                    "Determined from the ship-to address by the tax engine; never entered by hand",
                ],
                ["BW40", "H3", "GST 18% on sales"],
            ],
        ),
        (
            "callout",
            "warning",
            "<p>Indian invoices dated before 22 September 2025 can still carry the old 12% and 28% GST rates (codes G2 and G4). Those codes are blocked for new postings; if an old invoice needs one, ask the tax team to post it.</p>",
        ),
        (
            "callout",
            "customisation",
            "<p>VR and PR post input and output tax in one step through a tax procedure we extended. The vendor standard supports reverse charge, but our extension adds the tax reporting date from the invoice, which the Polish JPK file requires and which the standard took from the posting date.</p>",
        ),
        ("who_to_ask", ["Tax codes"], "before using any reverse-charge code you have not used before"),
    ],
}

BANK_CHANGE = {
    "slug": "change-vendor-bank-details",
    "title": "Change a vendor's bank details",
    "kind": "procedure",
    "summary": "The controlled procedure for changing vendor bank details: change request, independent call-back, XK02 change and second-person confirmation in FK08.",
    "owner": "tomasz.nowak",
    "topics": ["Bank details changes", "Vendor master data", "Segregation of duties"],
    "verified_days_ago": 11,
    "interval": 30,
    "body": [
        (
            "text",
            "<p>Requests to change bank details are the most common way companies are defrauded. A convincing letter, a hijacked e-mail thread, a call from someone who knows the account manager's name: we have had all three. This procedure is strict on purpose, and it applies even when the request comes from a supplier you have dealt with for years.</p>",
        ),
        ("heading", "Receive the request"),
        (
            "steps",
            "",
            [
                (
                    "<p>The request must come through ZVEND_REQ as a <strong>Change bank details</strong> request, with the vendor's letter on letterhead attached. If someone e-mails AP or a buyer directly, they forward it to the Master Data mailbox and the team raises the request; nobody replies to the sender's e-mail to confirm.</p>",
                    "ZVEND_REQ",
                ),
                (
                    "<p>Compare the letter with previous correspondence from the vendor in the request history: signatory, letterhead, e-mail domain. Any difference goes to the team lead before you continue.</p>",
                    "ZVEND_REQ",
                ),
            ],
        ),
        ("heading", "Call back"),
        (
            "steps",
            "",
            [
                (
                    "<p>Find a phone number for the vendor independently: the number recorded at onboarding, the vendor's official website, or a number from an invoice paid more than six months ago. Never use a number in the change request or the e-mail it came with.</p>",
                    None,
                ),
                (
                    "<p>Call and ask for someone in their finance team. Ask them to tell you the new account details; do not read them out yourself. Ask why the account is changing.</p>",
                    None,
                ),
                (
                    "<p>If anything does not match, stop, reject the request with reason <strong>Not verified</strong> and tell the Master Data team lead the same day.</p>",
                    "ZVEND_REQ",
                ),
            ],
        ),
        ("heading", "Make and confirm the change"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open XK02 from the request. On <strong>Payment transactions</strong> add the new bank details as a new line rather than overwriting the old one, and delete the old line. Enter the call-back reference: date, time, number called, name of the person you spoke to.</p>",
                    "XK02",
                ),
                ("<p>Save. The vendor is locked for payment and our key Z1 is set on all its open items.</p>", "XK02"),
                (
                    "<p>A second team member reviews the request, the letter and the call-back reference, and confirms in FK08. They must not be the person who made the call.</p>",
                    "FK08",
                ),
                (
                    "<p>On confirmation the lock and the Z1 blocks are removed. The next payment run flags the vendor in ZPAY_REVIEW for 30 days so the payments team can look twice.</p>",
                    None,
                ),
            ],
        ),
        (
            "callout",
            "customisation",
            "<p>Dual control of sensitive fields is standard. What we added is the Z1 block on open items, the mandatory call-back reference before FK08 will confirm, and the 30-day flag in ZPAY_REVIEW. All three came out of the 2021 attempted fraud, in which the standard lock alone did not stop a payment because the change had been confirmed by someone who did not check the call-back.</p>",
        ),
        (
            "callout",
            "warning",
            "<p>For Polish vendors, payments over 15,000 PLN to an account that is not on the VAT white list make BW20 jointly liable for the vendor's VAT. Check the new account on the white list and save the confirmation to the request before confirming.</p>",
        ),
        ("who_to_ask", ["Bank details changes"], "immediately, if a request looks even slightly wrong"),
    ],
}

DISPLAY_VENDOR = {
    "slug": "look-up-a-vendor-record",
    "title": "Look up a vendor record and its change history",
    "kind": "how-to",
    "summary": "Using FK03 to display a vendor, reading the change log to see who changed what, and checking the block status before you promise a supplier a payment.",
    "owner": "ewa.kaminska",
    "topics": ["Vendor master data", "Payment blocks"],
    "verified_days_ago": None,
    "body": [
        (
            "text",
            "<p>AP analysts have display access to vendors through FK03 (accounting view) and XK03 (including purchasing data). You cannot change anything, but you can see everything you need to answer a supplier's question.</p>",
        ),
        ("heading", "Display the vendor"),
        (
            "steps",
            "",
            [
                (
                    "<p>Open FK03, enter the vendor number and the company code, and tick the views you want: address, control, payment transactions and the company code views.</p>",
                    "FK03",
                ),
                (
                    "<p>If you do not know the number, use the search help on the vendor field with the tab <strong>Vendors by tax number</strong>, which is faster and more reliable than searching by name.</p>",
                    "FK03",
                ),
                (
                    "<p>On <strong>Payment transactions</strong> you see the bank details (the account number is partly masked for AP roles) and our call-back reference.</p>",
                    "FK03",
                ),
            ],
        ),
        ("heading", "See who changed what"),
        (
            "text",
            "<p>From FK03 choose <strong>Environment, Account changes, All fields</strong>. Each change shows the field, old and new value, date and user. Sensitive field changes also show whether and by whom they were confirmed. If you need the list for several vendors, ask Master Data to run S_ALR_87010039 for you; it needs a role you will not have.</p>",
        ),
        ("heading", "Check blocks"),
        (
            "text",
            "<p>Choose <strong>Extras, Blocked data</strong> to see posting, purchasing and payment blocks at each level. A vendor can be blocked for one company code and not another, which explains many of the supplier calls along the lines of <em>you paid our UK invoices but not our Polish ones</em>.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>Never read out bank details to a caller, even partly, to check they are right. If a supplier asks which account you hold on file, tell them to send a change request through their usual contact, and pass it to Master Data.</p>",
        ),
        ("who_to_ask", ["Vendor master data", "Payment blocks"], "for anything the display does not answer"),
    ],
}

VENDOR_FAQ = {
    "slug": "vendor-master-data-faq",
    "title": "Vendor master data: frequently asked questions",
    "kind": "faq",
    "summary": "Answers about why AP cannot edit vendors, how long requests take, one-time vendors, name changes and vendors that are acquired.",
    "owner": "tomasz.nowak",
    "topics": ["Vendor master data", "Vendor onboarding", "Segregation of duties"],
    "verified_days_ago": 71,
    "body": [
        ("heading", "Access and timing"),
        ("subheading", "In my last job AP could change vendor addresses. Why can I not do that here?"),
        (
            "text",
            "<p>Because anyone who can change a vendor and also post or pay its invoices can pay themselves. Our roles keep the two apart completely. Even address changes go through Master Data, because the address feeds the remittance and tax reporting.</p>",
        ),
        ("subheading", "How long does a new vendor take?"),
        (
            "text",
            "<p>Three working days from a complete request. If it is urgent, say why in the request; the team can often do it the same day if all documents are there.</p>",
        ),
        ("heading", "Special cases"),
        ("subheading", "Can I use a one-time vendor for a single payment?"),
        (
            "text",
            "<p>One-time vendors (account group ZONE) exist but are restricted to refunds to private individuals and are created only by Master Data. Do not ask for one to avoid the onboarding checks for a business supplier.</p>",
        ),
        ("subheading", "The supplier changed its name. Do we need a new vendor?"),
        (
            "text",
            "<p>Not if the legal entity and tax number are unchanged. Raise a change request with the certificate of name change attached and Master Data updates the name.</p>",
        ),
        ("subheading", "Our supplier was bought by another company. What now?"),
        (
            "text",
            "<p>If invoices will come from a different legal entity, that entity needs its own vendor record. The old one is blocked once its open items are settled. Do not change the old vendor's name and bank details to the new owner's; that breaks the tax history.</p>",
        ),
        (
            "callout",
            "tip",
            "<p>ZVEND_REQ shows the status of every request you raised under <strong>My requests</strong>, with the Master Data comment. Check there before chasing.</p>",
        ),
        ("who_to_ask", ["Vendor master data", "Vendor onboarding"], "for anything not answered here"),
    ],
}

AREA = {
    "slug": "vendor-master-data",
    "title": "Vendor master data",
    "summary": "<p>Creating and maintaining vendor records safely: requests through <strong>ZVEND_REQ</strong>, duplicate checks, bank details changes with call-back verification, and the fields we use.</p>",
    "process_owner": "tomasz.nowak",
    "owner": "marek.lis",
    "topics": ["Vendor master data", "Vendor onboarding", "Bank details changes"],
    "articles": [FIELD_GUIDE],
    "processes": [
        {
            "slug": "vendor-onboarding",
            "title": "Vendor onboarding",
            "summary": "<p>From request to a vendor that can be ordered from and paid: documents, checks, creation and first verification.</p>",
            "process_owner": "tomasz.nowak",
            "owner": "marek.lis",
            "topics": ["Vendor onboarding", "Duplicate vendor checks", "Tax codes"],
            "articles": [REQUEST_VENDOR, CREATE_VENDOR, DUPLICATE_CHECK, TAX_CODES],
            "processes": [],
        },
        {
            "slug": "vendor-maintenance",
            "title": "Vendor changes and lookups",
            "summary": "<p>Changing existing vendors, especially bank details, and finding out what a vendor record says and who changed it.</p>",
            "process_owner": "tomasz.nowak",
            "owner": "ewa.kaminska",
            "topics": ["Bank details changes", "Vendor master data"],
            "articles": [BANK_CHANGE, DISPLAY_VENDOR, VENDOR_FAQ],
            "processes": [],
        },
    ],
}
