#pragma once
// SQL of stored-value cards (MEM-CARD) and of the members who hold them (MEM-MEMBER).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/principal.hpp"
#include "core/query_params.hpp"
#include "storage/database.hpp"
#include "storage/list_query.hpp"

namespace zc::db::member {

struct CardFields {
  std::string card_no;
  std::optional<std::string> physical_no;  // normal form (16 hex digits) or none
  std::string holder_name;
  int64_t valid_from = 0, valid_to = 0;
};

struct NewCard {
  CardFields f;
  int64_t product_id = 0, user_id = 0, face_value = 0, provider_id = 0, property_id = 0;
  std::string issue_type, phone;
  std::optional<int64_t> collective_id;
};

struct CardRec {
  int64_t id = 0, product_id = 0, user_id = 0, provider_id = 0, property_id = 0, balance = 0, status = 0;
  std::optional<int64_t> collective_id;
  std::string card_no, issue_type;
};

class CardRepo {
 public:
  explicit CardRepo(Connection& c) : c_(c) {}
  Page list(const QueryParams& q, const DataScope& scope);
  boost::json::array of_user(int64_t user_id, const DataScope& scope);  // rows as in the list
  std::optional<boost::json::object> detail(int64_t id, const DataScope& scope);
  std::optional<CardRec> find(int64_t id, const DataScope& scope);
  // The id of the card using `card_no` or `physical_no` as either number, other than `except_id`.
  std::optional<int64_t> number_taken(const std::string& number, int64_t except_id);
  int64_t insert(const NewCard& c, const std::string& by, int64_t now);
  void update(int64_t id, const CardFields& f, const std::string& by, int64_t now);
  void set_status(int64_t id, int64_t status, const std::string& by, int64_t now);
  // balance += delta unless that takes it below zero. The new balance, or nothing when refused.
  std::optional<int64_t> add_balance(int64_t id, int64_t delta, int64_t now);

  // Members: app users holding a card in scope.
  Page members(const QueryParams& q, const DataScope& scope);
  bool holds_card_in_scope(int64_t user_id, const DataScope& scope);

 private:
  Connection& c_;
};

}  // namespace zc::db::member
