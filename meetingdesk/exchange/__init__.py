"""Import and export: CSV/XLSX delegate lists, attendance and site tables, and site exchange
packages (``.mdpkg``). Headless: never imports Qt. Everything here reaches the desk through
:mod:`meetingdesk.services`."""
