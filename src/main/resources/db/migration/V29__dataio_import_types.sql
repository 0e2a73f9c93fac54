-- Imports of contacts, leads, products and payments (issue 6). The staged fields of the new types are text columns
-- of import_row like the others; "if not exists" because another type may stage a field of the same name.
alter table import_job drop constraint import_job_type_ck;
alter table import_job add constraint import_job_type_ck
    check (type in ('CUSTOMERS', 'ORDERS', 'CONTACTS', 'LEADS', 'PRODUCTS', 'PAYMENTS'));

-- contacts
alter table import_row add column if not exists title text;
alter table import_row add column if not exists department text;
alter table import_row add column if not exists mobile text;
alter table import_row add column if not exists wechat text;
alter table import_row add column if not exists birthday text;
alter table import_row add column if not exists responsible text;
alter table import_row add column if not exists decision_maker text;
alter table import_row add column if not exists preferred_channel text;
alter table import_row add column if not exists best_time text;
alter table import_row add column if not exists do_not_contact text;
alter table import_row add column if not exists notes text;
-- leads
alter table import_row add column if not exists company text;
alter table import_row add column if not exists prospect_list text;
-- products
alter table import_row add column if not exists unit text;
alter table import_row add column if not exists list_price text;
alter table import_row add column if not exists unit_cost text;
alter table import_row add column if not exists currency text;
alter table import_row add column if not exists active text;
-- payments
alter table import_row add column if not exists order_number text;
alter table import_row add column if not exists paid_on text;
alter table import_row add column if not exists method text;
alter table import_row add column if not exists reference text;
-- the record a row of these types inserted, updated or matched (a contact, lead, product or payment id)
alter table import_row add column if not exists record_id bigint;

-- A yes/no cell as imports accept it (true/false, yes/no, y/n, 1/0, 是/否, 对/错, √/×, any case), or null for
-- anything else, so validation can mark the row.
create function kehu_import_bool(s text) returns boolean
    language sql immutable strict parallel safe
as $$
    select case
        when lower(btrim(s)) in ('true', 'yes', 'y', '1', '是', '对', '√', 't') then true
        when lower(btrim(s)) in ('false', 'no', 'n', '0', '否', '错', '×', 'f') then false
    end
$$;
