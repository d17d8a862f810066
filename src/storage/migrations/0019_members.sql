-- Member center (issue 16; MEM-PROD, MEM-CARD, MEM-MEMBER, MEM-OWNER, MEM-COLL; docs/members.md): card
-- products, collective accounts, stored-value cards, and what the admin keeps about drivers. Money in fen,
-- times epoch ms UTC. status 0 enabled, 1 disabled (as everywhere).

-- A card product (电卡产品), made by a property company for the cards it issues. product_type car | bike |
-- both (which devices its cards start); issue_type personal | collective. price: what a holder pays for a
-- card; face_value: the balance a new card starts with (face_value − price is a discount, booked as promo).
-- bonus_tiers: JSON [{"minAmount": fen, "bonus": fen}, …] ascending (domain/member/card_rules.hpp).
CREATE TABLE card_product (
  id {{ID}},
  name TEXT NOT NULL,
  product_type TEXT NOT NULL,
  issue_type TEXT NOT NULL,
  price BIGINT NOT NULL,
  face_value BIGINT NOT NULL,
  bonus_tiers TEXT NOT NULL DEFAULT '[]',
  status INTEGER NOT NULL DEFAULT 0,
  remark TEXT NOT NULL DEFAULT '',
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  CHECK (price >= 0 AND face_value >= 0)
);
CREATE INDEX idx_card_product_property ON card_product(property_id);
CREATE INDEX idx_card_product_provider ON card_product(provider_id);

-- The stations a product's cards work at (station_type car | bike).
CREATE TABLE card_product_station (
  product_id BIGINT NOT NULL REFERENCES card_product(id) ON DELETE CASCADE,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  PRIMARY KEY (product_id, station_type, station_id)
);
CREATE INDEX idx_card_product_station ON card_product_station(station_type, station_id);

-- A collective account (集体户): a company or residents' group whose members' cards are paid from its
-- balance. locked: cannot issue cards (status still enabled). balance is the ledger account
-- collective:<id> (the CHECK is the database's guard against a concurrent debit going below zero).
CREATE TABLE collective_account (
  id {{ID}},
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  remark TEXT NOT NULL DEFAULT '',
  balance BIGINT NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  CHECK (balance >= 0)
);
CREATE INDEX idx_collective_property ON collective_account(property_id);
CREATE INDEX idx_collective_provider ON collective_account(provider_id);

-- A stored-value card. card_no: the printed number (6–16 digits; AC piles, e-bike readers, OCPP idTag);
-- physical_no: the IC UID as 16 upper-case hex digits (DC piles), NULL when not recorded. Both unique on
-- the platform. user_id: the holder (app_user; created when the phone has no account yet). valid_to 0 =
-- no end. balance is the ledger account card:<id>. open_order_type/open_order_id: the session that uses
-- the card now (a card is never on two guns at once), NULL when none.
CREATE TABLE member_card (
  id {{ID}},
  card_no TEXT NOT NULL UNIQUE,
  physical_no TEXT UNIQUE,
  product_id BIGINT NOT NULL REFERENCES card_product(id),
  issue_type TEXT NOT NULL,
  collective_id BIGINT REFERENCES collective_account(id),
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  holder_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  valid_from BIGINT NOT NULL,
  valid_to BIGINT NOT NULL DEFAULT 0,
  face_value BIGINT NOT NULL,
  balance BIGINT NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 0,
  open_order_type TEXT,
  open_order_id BIGINT,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_by TEXT,
  updated_at BIGINT,
  CHECK (balance >= 0)
);
CREATE INDEX idx_member_card_user ON member_card(user_id);
CREATE INDEX idx_member_card_phone ON member_card(phone);
CREATE INDEX idx_member_card_product ON member_card(product_id);
CREATE INDEX idx_member_card_collective ON member_card(collective_id);
CREATE INDEX idx_member_card_property ON member_card(property_id, created_at);
CREATE INDEX idx_member_card_provider ON member_card(provider_id, created_at);

-- What the admin keeps about a driver (MEM-OWNER, MEM-MEMBER): the real name, gender, verification (a
-- verified owner may reserve a spot), a remark; created_by: the operator who added the owner ('' = signed
-- up in the app); provider_id/property_id: the operator that added the owner (NULL = signed up in the app).
ALTER TABLE app_user ADD COLUMN real_name TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN gender TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN verified_at BIGINT;
ALTER TABLE app_user ADD COLUMN verified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN remark TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN provider_id BIGINT;
ALTER TABLE app_user ADD COLUMN property_id BIGINT;

-- The one ledger carries card and collective movements too: a row of such a movement has no pay order
-- (pay_order_id NULL) and names the card or collective account it concerns. Accounts added:
--   card:<id>        a card's balance (a liability: money held for the holder)
--   collective:<id>  a collective account's balance (a liability)
--   counter          money received or paid out at the property's counter (cash, transfer) − / +
--   promo            discounts and bonuses the operator gives (face value above price, top-up bonus)
-- kinds added: card_issue | card_topup | card_bonus | card_spend | card_refund | collective_topup |
-- collective_issue. order_type 'card' or 'collective' and station_type '' / station_id 0 on such rows;
-- remark: what the operator wrote for a top-up.
-- @sqlite
CREATE TABLE ledger_entry_new (
  id {{ID}},
  txn_no TEXT NOT NULL,
  kind TEXT NOT NULL,
  account TEXT NOT NULL,
  amount BIGINT NOT NULL,
  pay_order_id BIGINT,
  refund_id BIGINT,
  order_type TEXT NOT NULL,
  charge_order_id BIGINT,
  station_type TEXT NOT NULL,
  station_id BIGINT NOT NULL,
  provider_id BIGINT NOT NULL,
  property_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  card_id BIGINT,
  collective_id BIGINT,
  remark TEXT NOT NULL DEFAULT '',
  UNIQUE (txn_no, account)
);
INSERT INTO ledger_entry_new (id, txn_no, kind, account, amount, pay_order_id, refund_id, order_type,
  charge_order_id, station_type, station_id, provider_id, property_id, created_at)
SELECT id, txn_no, kind, account, amount, pay_order_id, refund_id, order_type, charge_order_id, station_type,
  station_id, provider_id, property_id, created_at FROM ledger_entry;
DROP TABLE ledger_entry;
ALTER TABLE ledger_entry_new RENAME TO ledger_entry;
CREATE INDEX idx_ledger_pay_order ON ledger_entry(pay_order_id);
CREATE INDEX idx_ledger_created ON ledger_entry(created_at);
-- @postgres
ALTER TABLE ledger_entry ALTER COLUMN pay_order_id DROP NOT NULL;
ALTER TABLE ledger_entry ADD COLUMN card_id BIGINT;
ALTER TABLE ledger_entry ADD COLUMN collective_id BIGINT;
ALTER TABLE ledger_entry ADD COLUMN remark TEXT NOT NULL DEFAULT '';
-- @all
CREATE INDEX idx_ledger_card ON ledger_entry(card_id);
CREATE INDEX idx_ledger_collective ON ledger_entry(collective_id);

-- Buttons of the member pages (menus 501–505 exist since 0002); provider and property admins get them
-- (issuing and product changes are refused to accounts above a property by the service, as the spec says).
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50101, 501, '查询', 'Query', 'F', '', '', 'member:product:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50102, 501, '新增', 'Add', 'F', '', '', 'member:product:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50103, 501, '修改', 'Edit', 'F', '', '', 'member:product:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50104, 501, '启用/禁用', 'Enable/disable', 'F', '', '', 'member:product:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50201, 502, '查询', 'Query', 'F', '', '', 'member:card:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50202, 502, '发卡', 'Issue', 'F', '', '', 'member:card:issue', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50203, 502, '修改', 'Edit', 'F', '', '', 'member:card:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50204, 502, '启用/禁用', 'Enable/disable', 'F', '', '', 'member:card:status', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50205, 502, '充值', 'Top up', 'F', '', '', 'member:card:topup', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50301, 503, '查询', 'Query', 'F', '', '', 'member:member:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50302, 503, '修改', 'Edit', 'F', '', '', 'member:member:edit', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50401, 504, '查询', 'Query', 'F', '', '', 'member:owner:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50402, 504, '新增', 'Add', 'F', '', '', 'member:owner:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50403, 504, '修改', 'Edit', 'F', '', '', 'member:owner:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50404, 504, '认证', 'Verify', 'F', '', '', 'member:owner:verify', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50405, 504, '启用/禁用', 'Enable/disable', 'F', '', '', 'member:owner:status', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50501, 505, '查询', 'Query', 'F', '', '', 'member:collective:query', '', 1);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50502, 505, '新增', 'Add', 'F', '', '', 'member:collective:add', '', 2);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50503, 505, '修改', 'Edit', 'F', '', '', 'member:collective:edit', '', 3);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50504, 505, '充值', 'Top up', 'F', '', '', 'member:collective:topup', '', 4);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50505, 505, '启用/禁用', 'Enable/disable', 'F', '', '', 'member:collective:status', '', 5);
INSERT INTO sys_menu (id, parent_id, menu_name, menu_name_en, menu_type, path, component, perms, icon, order_num) VALUES (50506, 505, '锁定/解锁', 'Lock/unlock', 'F', '', '', 'member:collective:lock', '', 6);
INSERT INTO sys_role_menu (role_id, menu_id) SELECT r.id, m.id FROM sys_role r, sys_menu m WHERE r.role_key IN ('provider_admin', 'property_admin') AND m.id IN (50101, 50102, 50103, 50104, 50201, 50202, 50203, 50204, 50205, 50301, 50302, 50401, 50402, 50403, 50404, 50405, 50501, 50502, 50503, 50504, 50505, 50506);
