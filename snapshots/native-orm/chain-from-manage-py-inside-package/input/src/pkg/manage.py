# orm-review-4 R1 (ansible/eda-server layout): manage.py inside the package it runs; its
# DJANGO_SETTINGS_MODULE ("pkg.settings") says the folder is the package pkg of src/, not a root.
import os, sys
if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pkg.settings")
