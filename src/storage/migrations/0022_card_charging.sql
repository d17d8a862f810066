-- Card charging (issue 16; docs/members.md "Charging with a card"). A YKC car pile may be allowed to start
-- cards without the platform (allow_offline_card 1); the platform then keeps the pile's offline card list
-- (0x44 sync, 0x46 clear): pile_offline_card is what the pile was last told it holds.
ALTER TABLE car_pile ADD COLUMN allow_offline_card INTEGER NOT NULL DEFAULT 0;
CREATE TABLE pile_offline_card (
  pile_id BIGINT NOT NULL,
  physical_no TEXT NOT NULL,
  card_no TEXT NOT NULL,
  synced_at BIGINT NOT NULL,
  PRIMARY KEY (pile_id, physical_no)
);
