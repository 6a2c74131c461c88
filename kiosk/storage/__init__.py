"""SQLite storage: the database file, migrations, repositories, the scan log and search."""
