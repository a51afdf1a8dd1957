"""Django's SQLite backend, with connections kept for the next request.

Under ASGI each request runs in a thread of its own, and Django's connections belong to a
thread: every request would open the database afresh (the pragmas included, about 1.3 ms) and
start with an empty page cache. Here a closed connection goes back to a small pool of the
process and the next request takes it, warm. PostgreSQL has its own pool (psycopg's).
"""

from __future__ import annotations

import os
import threading

from django.db.backends.sqlite3 import base

POOL_SIZE = 8  # idle connections kept per process and database file


class DatabaseWrapper(base.DatabaseWrapper):
    _pools: dict[tuple[int, str], list] = {}
    _pool_lock = threading.Lock()

    def _pool(self) -> list:
        key = (os.getpid(), str(self.settings_dict["NAME"]))  # never across a fork
        return self._pools.setdefault(key, [])

    def get_new_connection(self, conn_params):
        if not self.is_in_memory_db():
            with self._pool_lock:
                pool = self._pool()
                if pool:
                    return pool.pop()
        return super().get_new_connection(conn_params)

    def _close(self):
        conn = self.connection
        if conn is None or self.is_in_memory_db():
            return super()._close()
        try:
            if conn.in_transaction:
                conn.rollback()
        except base.Database.Error:
            with self.wrap_database_errors:
                conn.close()
            return None
        with self._pool_lock:
            pool = self._pool()
            if len(pool) < POOL_SIZE:
                pool.append(conn)
                return None
        with self.wrap_database_errors:
            conn.close()
        return None
