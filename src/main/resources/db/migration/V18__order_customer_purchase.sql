-- Each customer's purchase facts, derived from their completed orders (a purchase day is a distinct order date,
-- so two orders on one day are one purchase). Kept by the order module in the transaction that completes an order,
-- and rebuilt set-based for everyone after bulk loads (order.PurchaseHistory). Segments, reorder reminders and
-- win-back read it instead of aggregating 10M orders.
create table customer_purchase (
    customer_id          bigint        not null,
    completed_orders     integer       not null,
    purchase_days        integer       not null,
    first_order_on       date          not null,
    last_order_on        date          not null,
    total_amount         numeric(19,2) not null,
    total_margin         numeric(19,2) not null,
    -- the median of the gaps in days between consecutive purchase days; null until the second purchase day
    median_interval_days numeric(9,1),
    -- last purchase + median interval (王永庆's rice shop: deliver before they run out); null as above
    next_expected_on     date,
    refreshed_at         timestamptz   not null,
    constraint customer_purchase_pk primary key (customer_id),
    constraint customer_purchase_customer_fk foreign key (customer_id) references customer (id),
    constraint customer_purchase_days_ck check (purchase_days between 1 and completed_orders),
    constraint customer_purchase_dates_ck check (first_order_on <= last_order_on)
);
-- due to reorder (by date), last purchase before/after, total spend at least/at most
create index customer_purchase_next_idx on customer_purchase (next_expected_on) where next_expected_on is not null;
create index customer_purchase_last_idx on customer_purchase (last_order_on);
create index customer_purchase_total_idx on customer_purchase (total_amount);
