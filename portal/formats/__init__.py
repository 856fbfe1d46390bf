"""Date and number formats of the portal's two languages (settings.FORMAT_MODULE_PATH).

Django's own English formats write "Nov. 14, 2023", the American way; our English readers are
international investors, so dates read "14 November 2023". Chinese reads 2023年11月14日.
"""
