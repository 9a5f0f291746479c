"""Who edits which part of the wiki: each process area is edited and published by the teams that run it.

New hires read and flag gaps rather than edit; trainers revise training materials and hand page work to
the pages' owners, who are all in the teams below."""

from __future__ import annotations

# Process area (slug) -> the teams whose experts, buddies and managers edit and publish it.
AREA_EDITORS = {
    "procure-to-pay": ["Accounts Payable"],
    "record-to-report": ["General Ledger"],
    "order-to-cash": ["Accounts Receivable"],
    "month-end-close": ["General Ledger", "Finance Systems"],
    "vendor-master-data": ["Master Data"],
    "expenses": ["Travel & Expenses"],
}
EDITOR_ROLES = {"expert", "buddy", "manager"}
# What an area's editors may do there: everything but deleting whole sections.
EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock"]
