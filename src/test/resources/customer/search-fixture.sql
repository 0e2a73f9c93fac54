insert into team (id, name) values (9001, 'Search East'), (9002, 'Search North');
insert into app_user (id, username, display_name, password_hash, role, team_id) values
  (9101, 'srep1', 'Search Rep 1', '{noop}x', 'SALES_REP', 9001),
  (9102, 'srep2', 'Search Rep 2', '{noop}x', 'SALES_REP', 9001),
  (9103, 'smanager', 'Search Manager', '{noop}x', 'MANAGER', 9001),
  (9104, 'srep3', 'Search Rep 3', '{noop}x', 'SALES_REP', 9002),
  (9105, 'sagent', 'Search Agent', '{noop}x', 'SUPPORT_AGENT', null);
update team set manager_id = 9103 where id = 9001;
insert into customer (id, code, kind, name, phone, phone_digits, email, region, industry, relation_category, importance,
                      status, owner_id, tags) values
  (9201, 'S0000001', 'ENTERPRISE', '上海华光机械有限公司', '021-5555 1234', '02155551234', 'info@huaguang.cn', 'EAST', 'MANUFACTURING', 'B2B', 'VIP', 'ACTUAL', 9101, '{机械}'),
  (9202, 'S0000002', 'ENTERPRISE', '北京华夏科技有限公司', '010-6666 0000', '01066660000', 'hr@huaxia.cn', 'NORTH', 'IT', 'B2B', 'ORDINARY', 'TARGET', 9104, '{}'),
  (9203, 'S0000003', 'INDIVIDUAL', '王芳', '13800138000', '13800138000', 'wangfang@example.com', 'EAST', null, 'CONSUMER', 'IMPORTANT', 'POTENTIAL', 9101, '{}'),
  (9204, 'S0000004', 'INDIVIDUAL', '李王', '13900139000', '13900139000', null, 'SOUTH', null, 'CONSUMER', 'ORDINARY', 'POTENTIAL', 9102, '{}'),
  (9205, 'S0000005', 'ENTERPRISE', 'Bright Harbor Logistics Ltd', '+86 21 5000 8888', '862150008888', 'sales@brightharbor.example', 'OVERSEAS', 'LOGISTICS', 'B2B', 'ORDINARY', 'LOST', 9102, '{port}'),
  (9206, 'S0000006', 'ENTERPRISE', '100% Pure_Tea 茶行', null, null, null, 'EAST', 'RETAIL', 'CHANNEL', 'ORDINARY', 'TARGET', 9101, '{}');
