-- Segment benchmark (issue 5): purchase facts for about 60% of the customers, set-based, so the purchase criteria
-- (last purchase, spend, due to reorder, win-back) have realistic data without generating 10M orders first.
-- Deterministic in the customer id: 1-12 purchase days, a median interval of 15-134 days, a last purchase within
-- the last 900 days, lifetime spend 100-200,099.
insert into customer_purchase (customer_id, completed_orders, purchase_days, first_order_on, last_order_on,
                               total_amount, total_margin, median_interval_days, next_expected_on, refreshed_at)
select id, days + (id % 3)::int, days, last_on - ((days - 1) * med)::int, last_on,
       total, round(total * 0.25, 2), case when days >= 2 then med end,
       case when days >= 2 then last_on + med::int end, now()
from (select c.id,
             1 + (c.id * 7 % 12)::int as days,
             (15 + c.id * 13 % 120)::numeric(9, 1) as med,
             current_date - (c.id * 31 % 900)::int as last_on,
             (100 + c.id * 37 % 200000)::numeric(19, 2) as total
      from customer c
      where c.id * 11 % 10 < 6
        and not exists (select 1 from customer_purchase p where p.customer_id = c.id)) f;
-- a few lost and flagged customers for win-back
update customer set status = 'LOST' where id % 50 = 0 and status <> 'LOST';
update customer set retention_flag = 'BAD_CREDIT' where id % 997 = 0;
vacuum analyze customer;
vacuum analyze customer_purchase;
