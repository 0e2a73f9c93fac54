-- A sales rep's or a manager's ticket list covers every ticket of their customers, closed ones included. Walking the
-- tickets in the list's order and checking each one's customer stops after a page; without an index in that order
-- PostgreSQL joined and sorted all of a rep's million tickets (2.2 s on 5M tickets, bench/tickets.sh).
create index ticket_due_idx on ticket (resolution_due_at, id);
create index ticket_created_idx on ticket (created_at, id);
