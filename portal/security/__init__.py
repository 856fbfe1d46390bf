"""The portal's defences: response headers, the guarded admin, safe media and error reports.

Each module is small and named for what it guards; settings.py wires them in and README.md's
"Security" section explains how to configure them.
"""
