-- Products (price list), sales orders with their lines, status history and payments received (CATALOG 1.6).
-- Totals are computed by the application and stored, so lists and reports read them without summing lines.
create sequence product_seq increment by 50;
create sequence sales_order_seq increment by 50;
create sequence order_line_seq increment by 50;
create sequence order_status_change_seq increment by 50;
create sequence payment_seq increment by 50;
-- the running part of the human-readable order number (SO2026000123); gaps are harmless
create sequence sales_order_number_seq;

create table product (
    id          bigint        not null,
    code        text          not null,
    name        text          not null,
    unit        text          not null,
    list_price  numeric(19,2) not null,
    unit_cost   numeric(19,2) not null,
    currency    char(3)       not null,
    active      boolean       not null default true,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint product_pk primary key (id),
    constraint product_code_uk unique (code),
    constraint product_code_ck check (code = upper(code) and char_length(code) between 1 and 40),
    constraint product_name_ck check (char_length(name) between 1 and 200),
    constraint product_unit_ck check (char_length(unit) between 1 and 20),
    constraint product_list_price_ck check (list_price >= 0),
    constraint product_unit_cost_ck check (unit_cost >= 0)
);
create index product_name_idx on product (lower(name) text_pattern_ops);
create index product_active_code_idx on product (active, code);

create table sales_order (
    id                    bigint        not null,
    order_number          text          not null,
    customer_id           bigint        not null,
    source_opportunity_id bigint,
    order_date            date          not null,
    currency              char(3)       not null,
    status                text          not null,
    total_amount          numeric(19,2) not null default 0,
    cost_amount           numeric(19,2) not null default 0,
    paid_amount           numeric(19,2) not null default 0,
    created_by            bigint        not null,
    version               bigint        not null default 0,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    constraint sales_order_pk primary key (id),
    constraint sales_order_number_uk unique (order_number),
    constraint sales_order_customer_fk foreign key (customer_id) references customer (id),
    constraint sales_order_opportunity_fk foreign key (source_opportunity_id) references opportunity (id),
    constraint sales_order_created_by_fk foreign key (created_by) references app_user (id),
    constraint sales_order_status_ck check (status in ('DRAFT', 'CONFIRMED', 'SHIPPED', 'COMPLETED', 'CANCELLED')),
    constraint sales_order_total_ck check (total_amount >= 0),
    constraint sales_order_cost_ck check (cost_amount >= 0),
    constraint sales_order_paid_ck check (paid_amount >= 0 and paid_amount <= total_amount)
);
-- a customer's orders, newest first (the 360 tab, the API filter)
create index sales_order_customer_idx on sales_order (customer_id, order_date desc, id desc);
-- the list filtered by status, and the date range
create index sales_order_status_date_idx on sales_order (status, order_date desc, id desc);
create index sales_order_date_idx on sales_order (order_date desc, id desc);
create index sales_order_opportunity_idx on sales_order (source_opportunity_id) where source_opportunity_id is not null;
create index sales_order_created_by_idx on sales_order (created_by);
-- search by a prefix of the order number
create index sales_order_number_prefix_idx on sales_order (order_number text_pattern_ops);

create table order_line (
    id               bigint         not null,
    order_id         bigint         not null,
    line_no          integer        not null,
    product_id       bigint         not null,
    quantity         numeric(19,3)  not null,
    unit_price       numeric(19,2)  not null,
    discount_percent numeric(5,2)   not null default 0,
    unit_cost        numeric(19,2)  not null,
    net_amount       numeric(19,2)  not null,
    constraint order_line_pk primary key (id),
    constraint order_line_order_fk foreign key (order_id) references sales_order (id) on delete cascade,
    constraint order_line_product_fk foreign key (product_id) references product (id),
    constraint order_line_quantity_ck check (quantity > 0),
    constraint order_line_unit_price_ck check (unit_price >= 0),
    constraint order_line_discount_ck check (discount_percent between 0 and 100),
    constraint order_line_unit_cost_ck check (unit_cost >= 0)
);
create index order_line_order_idx on order_line (order_id, line_no);
create index order_line_product_idx on order_line (product_id);

-- customer_id is copied from the order (which never changes customer) so the 360 timeline reads one index
create table order_status_change (
    id          bigint      not null,
    order_id    bigint      not null,
    customer_id bigint      not null,
    from_status text,
    to_status   text        not null,
    changed_by  bigint,
    changed_at  timestamptz not null,
    constraint order_status_change_pk primary key (id),
    constraint order_status_change_order_fk foreign key (order_id) references sales_order (id) on delete cascade,
    constraint order_status_change_customer_fk foreign key (customer_id) references customer (id),
    constraint order_status_change_user_fk foreign key (changed_by) references app_user (id),
    constraint order_status_change_to_ck check (to_status in ('DRAFT', 'CONFIRMED', 'SHIPPED', 'COMPLETED',
        'CANCELLED'))
);
create index order_status_change_order_idx on order_status_change (order_id, changed_at);
create index order_status_change_customer_idx on order_status_change (customer_id, changed_at desc);
create index order_status_change_user_idx on order_status_change (changed_by);

create table payment (
    id          bigint        not null,
    order_id    bigint        not null,
    customer_id bigint        not null,
    amount      numeric(19,2) not null,
    paid_on     date          not null,
    method      text          not null,
    reference   text,
    recorded_by bigint        not null,
    recorded_at timestamptz   not null,
    constraint payment_pk primary key (id),
    constraint payment_order_fk foreign key (order_id) references sales_order (id) on delete cascade,
    constraint payment_customer_fk foreign key (customer_id) references customer (id),
    constraint payment_user_fk foreign key (recorded_by) references app_user (id),
    constraint payment_amount_ck check (amount > 0),
    constraint payment_method_ck check (method in ('BANK_TRANSFER', 'CASH', 'CARD', 'ALIPAY', 'WECHAT_PAY', 'CHEQUE')),
    constraint payment_reference_ck check (reference is null or char_length(reference) <= 200)
);
create index payment_order_idx on payment (order_id, paid_on);
create index payment_customer_idx on payment (customer_id, recorded_at desc);
create index payment_user_idx on payment (recorded_by);
