-- A card order's lines in the ledger are found by their order (settlement's paid_for, the order detail's card
-- lines, the orders list's refundable figure of card orders): without this index each of those reads the
-- whole ledger.
CREATE INDEX idx_ledger_charge_order ON ledger_entry(order_type, charge_order_id);
