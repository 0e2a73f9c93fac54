-- Runs inside the test's transaction, which rolls back: other test classes' customers are hidden, not lost.
delete from customer_status_change;
delete from customer;
