"""PostgreSQL schema migrations ("0001_initial.sql"), numbered like the SQLite ones and run by store/postgres.py."""
