#include "http/messages.hpp"

#include <utility>
#include <vector>

namespace zc::http {

namespace {

// Longer phrases first: a phrase may contain a shorter one.
const std::vector<std::pair<std::string_view, std::string_view>>& phrases() {
  static const std::vector<std::pair<std::string_view, std::string_view>> all = {
      {"未登录或登录已过期，请重新登录", "Not signed in or the session has expired; please sign in again"},
      {"登录状态已过期，请重新登录", "The session has expired; please sign in again"},
      {"没有权限，请联系管理员授权", "Permission denied; ask an administrator"},
      {"没有权限访问: ", "Permission denied: "},
      {"数据不存在或无权访问", "Not found or outside your data scope"},
      {"接口不存在: ", "No such route: "},
      {"不支持的请求方法: ", "Method not allowed: "},
      {"请求体不是合法的JSON: ", "The request body is not valid JSON: "},
      {"请求体必须是JSON对象", "The request body must be a JSON object"},
      {"请求体过大", "Request body too large"},
      {"请求过于频繁，请稍后再试", "Too many requests; please retry shortly"},
      {"用户名或密码错误", "Incorrect user name or password"},
      {"密码错误次数过多，账号已锁定", "Too many failed attempts; the account is locked for "},
      {"账号已锁定，请", "The account is locked; try again in "},
      {"分钟后再试", " minute(s)"},
      {"分钟", " minute(s)"},
      {"账号已停用，请联系管理员", "The account is disabled; contact an administrator"},
      {"数据已存在（唯一性冲突）", "Already exists (unique constraint)"},
      {"数据库错误，请稍后重试", "Database error; please retry later"},
      {"服务器内部错误", "Internal server error"},
      {"至少需要保留一个启用的超级管理员", "at least one enabled super administrator must remain"},
      {"不能移除自己最后一个拥有用户修改权限（system:user:edit）的角色",
       "you cannot remove your own last role that grants system:user:edit"},
      {"不能包含双向文本控制符", "must not contain a bidirectional control character"},
      {"不能包含控制字符", "must not contain a control character"},
      {"不是有效的UTF-8文本", "is not valid UTF-8 text"},
      {"应为字符串或数字", "must be a string or a number"},
      {"分账比例合计不能超过100%", "split ratios must total at most 100%"},
      {"开启分账时至少需要一个分账账号", "profit sharing needs at least one split account"},
      {"必须在1到10000（0.01%）之间", "must be between 1 and 10000 (0.01 %)"},
      {"最多20个分账账号", "at most 20 split accounts"},
      {"分账账号重复", "the split account is listed twice"},
      {"只能是merchant（商户）或personal（个人）", "must be merchant or personal"},
      {"该订单分账处理中，请稍后再退费", "The order's split is in progress; refund it later"},
      {"该订单分账失败，请先重新分账再退费", "The order's split failed; re-split it before refunding"},
      {"分账回退失败，不能退费：", "The split could not be returned, so the order cannot be refunded: "},
      {"分账回退处理中，请稍后再退费", "The split's return is in progress; refund it later"},
      {"只有分账失败的记录可以重新分账", "Only a failed split can be split again"},
      {"只有分账成功的记录可以撤销", "Only a successful split can be revoked"},
      {"分账撤销失败：", "The split could not be revoked: "},
      {"分账记录不存在或无权访问", "Split record not found or outside your data scope"},
      {"该订单没有分账记录", "The order has no split"},
      {"应为整数数组", "must be an array of integers"},
      {"应为逗号分隔的正整数", "must be comma-separated positive integers"},
      {"应为正整数", "must be a positive integer"},
      {"应为整数", "must be an integer"},
      {"应为字符串", "must be a string"},
      {"不能为空", "is required"},
      {"长度不能超过", "must be at most "},
      {"个字符", " characters"},
      {"手机号格式不正确", "invalid mobile phone number"},
      {"邮箱格式不正确", "invalid email address"},
      {"手机号不可修改", "the phone number (login account) cannot be changed"},
      {"手机号已被使用", "phone number already in use"},
      {"旧密码错误", "the old password is wrong"},
      {"新密码不能与旧密码相同", "the new password must differ from the old one"},
      {"密码长度必须为8到64个字符", "the password must be 8 to 64 characters"},
      {"密码必须同时包含字母和数字", "the password must contain letters and digits"},
      {"必须大于0", "must be greater than 0"},
      {"必须在1到500之间", "must be between 1 and 500"},
      {"不支持按该字段排序", "sorting by this field is not supported"},
  };
  return all;
}

bool has_cjk(std::string_view s) {
  // Every CJK ideograph and full-width punctuation used here is a 3-byte UTF-8 sequence 0xE3–0xE9.
  for (unsigned char c : s)
    if (c >= 0xE3 && c <= 0xEF) return true;
  return false;
}

}  // namespace

std::string localize_message(std::string_view msg, bool english) {
  if (!english || !has_cjk(msg)) return std::string(msg);
  std::string out(msg);
  for (const auto& [zh, en] : phrases()) {
    for (size_t pos; (pos = out.find(zh)) != std::string::npos;) out.replace(pos, zh.size(), en);
  }
  return has_cjk(out) ? std::string(msg) : out;
}

}  // namespace zc::http
