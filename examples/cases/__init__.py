"""Executable fixtures: small modules over the example models, each with a test in tests/cases/.

`native_orm/` holds sites native-orm rewrites today; `chains/` holds `@sync_to_async` wrappers
whose ORM work is done by project helpers (the cross-function chain), left unchanged and
reported today. Every test passes on the code as written and on asyncshift's rewrite of it, so a
wrong rewrite fails a test instead of waiting for a review.
"""
