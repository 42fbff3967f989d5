"""Services pages: officer.py (the office's work), filing.py (the task list, online or at the counter),
applicant.py (the Ormas account's own pages); common.py holds what they share."""
