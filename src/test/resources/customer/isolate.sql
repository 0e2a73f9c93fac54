-- Runs inside the test's transaction, which rolls back: other test classes' customers (and everything that hangs
-- off them: contacts, leads, deals, orders, activities) are hidden, not lost. TRUNCATE is transactional in
-- PostgreSQL, and CASCADE follows every foreign key to the customer, whichever modules add them.
truncate customer cascade;
