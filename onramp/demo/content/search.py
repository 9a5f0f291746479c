"""The demo's glossary of finance shared-services terms, and a few searches that found no answer."""

GLOSSARY = [
    {
        "term": "P2P",
        "expansion": "procure to pay",
        "synonyms": "purchase to pay",
        "definition": "Everything from asking to buy something to paying the supplier's invoice.",
    },
    {
        "term": "R2R",
        "expansion": "record to report",
        "synonyms": "",
        "definition": "Booking what happened in the ledger and turning it into the monthly and yearly reports.",
    },
    {
        "term": "O2C",
        "expansion": "order to cash",
        "synonyms": "",
        "definition": "From a customer's order to the money arriving in our bank account.",
    },
    {
        "term": "JE",
        "expansion": "journal entry",
        "synonyms": "posting",
        "definition": "One booking in the general ledger: debits and credits that always balance.",
    },
    {
        "term": "PO",
        "expansion": "purchase order",
        "synonyms": "",
        "definition": "The approved order we send a supplier; invoices are matched against it.",
    },
    {
        "term": "GR/IR",
        "expansion": "goods receipt invoice receipt",
        "synonyms": "clearing account",
        "definition": "The account that holds goods received but not yet invoiced, or invoiced but not yet received.",
    },
    {
        "term": "AP",
        "expansion": "accounts payable",
        "synonyms": "payables",
        "definition": "The team and the ledger of what we owe suppliers.",
    },
    {
        "term": "AR",
        "expansion": "accounts receivable",
        "synonyms": "receivables",
        "definition": "What customers owe us, and the team that collects it.",
    },
    {
        "term": "MEC",
        "expansion": "month end close",
        "synonyms": "closing",
        "definition": "The working days after a month ends when we finish the books for that month.",
    },
]

# (who searched, what they typed) — questions the wiki did not answer, for the trainers' queue.
MISSES = [
    ("jill.hartmann", "how do I get a parking permit"),
    ("jill.hartmann", "who approves overtime"),
    ("ben.ashworth", "Who approves overtime?"),
    ("ben.ashworth", "intercompany netting schedule"),
]
