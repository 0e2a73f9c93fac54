-- Customers not worth retaining (CATALOG 4.7: "一般是由于客户的信用度低或客户故意诈骗等原因导致的。对此类客户没有保留的
-- 必要"): win-back segments and campaigns leave them out. Null for nearly everyone, so the index is partial.
alter table customer add column retention_flag text;
alter table customer add constraint customer_retention_flag_ck check (retention_flag in ('BAD_CREDIT', 'FRAUD'));
create index customer_retention_flag_idx on customer (retention_flag) where retention_flag is not null;
