#!/usr/bin/env python
import asyncio
import os
import sys

from shop.checks import preflight


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    asyncio.run(preflight())
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
