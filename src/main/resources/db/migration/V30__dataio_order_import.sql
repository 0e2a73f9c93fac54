-- Order imports (issue 6): fast, with lines, undoable.
--
-- An order import no longer stages every row in import_row: the runner checks each row while the file streams, a
-- bad row goes to import_row with its reason (the error file reads it), and a good row goes, already typed, by COPY
-- into a per-import copy of import_order_stage (unlogged, no indexes, dropped when the import ends). This table is
-- the template of those copies and holds no rows itself.
create unlogged table import_order_stage (
    line         integer       not null,
    raw          text[]        not null,
    -- rows with the same key form one order (the order number, or a run of rows of one customer and date);
    -- null: the row is an order of its own (files without lines)
    order_key    text,
    code         text          not null,
    name         text,
    order_number text,
    order_date   date          not null,
    amount       numeric(19,2),
    status       text          not null,
    product_code text,
    quantity     numeric(19,3),
    unit_price   numeric(19,2)
);

-- The fields of an order line file, staged like every kind's fields (bad rows, previews); order_key as above.
alter table import_row add column if not exists order_number text;
alter table import_row add column if not exists product_code text;
alter table import_row add column if not exists quantity text;
alter table import_row add column if not exists unit_price text;
alter table import_row add column if not exists order_key text;

-- The orders an import inserted, for undo: imported orders are appended together, so a BRIN index finds one
-- import's orders at the cost of a few pages (a btree would add a sixth index write to each of 10M orders).
alter table sales_order add column import_id bigint;
create index sales_order_import_idx on sales_order using brin (import_id);

-- The customers an order import created (createMissingCustomers), removed by its undo when nothing else uses them.
create table import_customer (
    import_id   bigint not null,
    customer_id bigint not null,
    constraint import_customer_pk primary key (import_id, customer_id),
    constraint import_customer_job_fk foreign key (import_id) references import_job (id) on delete cascade
);
