// devices/ykc/messages + dispatch: every frame struct round-trips (table-driven over all types and fill
// patterns, boundary values), short bodies give an Error naming the field, the 5-tier 0x3B is detected
// by length, the catalogue agrees with the structs, and the dispatch table routes frames.
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "devices/ykc/dispatch.hpp"
#include "devices/ykc/messages.hpp"

using namespace zc::ykc;

namespace {
// testing::Types<every message> from AnyMessage (dropping the trailing monostate).
template <class... Ts>
struct TL {};
template <class In, class Out>
struct DropLast;
template <class... Out>
struct DropLast<TL<std::monostate>, TL<Out...>> {
  using type = testing::Types<Out...>;
};
template <class H, class... T, class... Out>
struct DropLast<TL<H, T...>, TL<Out...>> : DropLast<TL<T...>, TL<Out..., H>> {};
template <class V>
struct ToTypes;
template <class... Ts>
struct ToTypes<std::variant<Ts...>> : DropLast<TL<Ts...>, TL<>> {};
using AllMessages = ToTypes<AnyMessage>::type;

struct MessageName {
  template <class T>
  static std::string GetName(int) {
    return frame_type_info(T::kType)->name;
  }
};

// Fields that validate their content (everything else is taken as raw bytes).
bool validated_field(const std::string& f) {
  return f == "model_no" || f.rfind("slots[", 0) == 0 || f == "cards" || f == "results" || f == "prefix" ||
         f == "data";
}

std::vector<uint8_t> fill(size_t n, int pattern) {
  std::vector<uint8_t> b(n);
  for (size_t i = 0; i < n; ++i) {
    switch (pattern) {
      case 0:
        b[i] = 0x00;
        break;
      case 1:
        b[i] = 0xFF;
        break;
      case 2:
        b[i] = 0x01;
        break;
      case 3:
        b[i] = static_cast<uint8_t>(i * 37 + 11);
        break;
      default:
        b[i] = 0x09;
        break;  // valid BCD everywhere, tier code out of range
    }
  }
  return b;
}
}  // namespace

template <class T>
class YkcMessage : public testing::Test {};
TYPED_TEST_SUITE(YkcMessage, AllMessages, MessageName);

TYPED_TEST(YkcMessage, CatalogueMatchesStruct) {
  using T = TypeParam;
  const FrameTypeInfo* info = frame_type_info(T::kType);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->dir, T::kDir);
  // Pile-originated codes are odd, platform-originated even (§5; 0xA3/0xA4 as corrected there).
  EXPECT_EQ(T::kType % 2 == 1, T::kDir == Direction::up) << info->name;
  const auto body = encode(T{});
  EXPECT_EQ(body.size(), info->body_size) << info->name;
  if (info->reply) {
    const FrameTypeInfo* r = frame_type_info(info->reply);
    ASSERT_NE(r, nullptr);
    EXPECT_NE(r->dir, info->dir);
  }
}

TYPED_TEST(YkcMessage, FillPatternsRoundTripByteExact) {
  using T = TypeParam;
  const size_t size = frame_type_info(T::kType)->body_size;
  for (int pattern = 0; pattern < 5; ++pattern) {
    const auto body = fill(size, pattern);
    auto m = decode<T>(body);
    if (!m.ok()) {
      EXPECT_TRUE(validated_field(m.error().field)) << m.error().to_string() << " pattern " << pattern;
      continue;
    }
    EXPECT_EQ(to_hex(encode(*m)), to_hex(body)) << "pattern " << pattern;
    auto again = decode<T>(encode(*m));
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(*again == *m);
    // Through the type-erased path too.
    auto any = decode_any(T::kType, body);
    ASSERT_TRUE(any.ok());
    EXPECT_EQ(to_hex(encode_any(*any)), to_hex(body));
  }
}

TYPED_TEST(YkcMessage, DefaultStructRoundTrips) {
  using T = TypeParam;
  const T msg{};
  auto back = decode<T>(encode(msg));
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_TRUE(*back == msg);
}

TYPED_TEST(YkcMessage, EveryShortBodyIsAnErrorNamingAField) {
  using T = TypeParam;
  const auto full = encode(T{});
  for (size_t n = 0; n < full.size(); ++n) {
    auto m = decode<T>(std::span<const uint8_t>(full).first(n));
    ASSERT_FALSE(m.ok()) << "length " << n;
    EXPECT_FALSE(m.error().field.empty());
    EXPECT_NE(m.error().message.find("body ends at " + std::to_string(n)), std::string::npos)
        << m.error().to_string();
  }
}

TYPED_TEST(YkcMessage, LongerBodiesAreAcceptedExtraBytesIgnored) {
  using T = TypeParam;
  if (frame_type_info(T::kType)->variable) return;  // lists/strings read to the end on purpose
  auto body = encode(T{});
  const size_t size = body.size();
  body.insert(body.end(), {0xAA, 0xBB, 0xCC});
  auto m = decode<T>(body);
  ASSERT_TRUE(m.ok()) << m.error().to_string();
  EXPECT_EQ(encode(*m).size(), size);
}

// ---- named fields and boundary values -----------------------------------------------------------------
TEST(YkcMessages, ErrorsNameTheField) {
  auto r = decode<Login>(std::vector<uint8_t>(12, 0));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "firmware");
  auto v = decode<ModelVerify>(parse_hex("55 03 14 12 78 23 05 0A 00").value());
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().field, "model_no");
  auto rec = decode<TransactionRecord>(std::vector<uint8_t>(60, 0));
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().field, "tiers[1].energy");  // 38 + 16 + 4 = 58: energy needs 58..61
  auto sync = decode<OfflineCardSync>(parse_hex("55 03 14 12 78 23 05 02 00 00 00 00 00 00 00 01").value());
  ASSERT_FALSE(sync.ok());
  EXPECT_EQ(sync.error().field, "cards");
  auto clear = decode<OfflineCardClearReply>(std::vector<uint8_t>(7 + 15, 0));
  ASSERT_FALSE(clear.ok());
  EXPECT_EQ(clear.error().field, "results");
  auto qr = decode<QrPrefix>(parse_hex("55 03 14 12 78 23 05 00 05 61 62").value());
  ASSERT_FALSE(qr.ok());
  EXPECT_EQ(qr.error().field, "prefix");
  auto model = fill(90, 0);
  model[42 + 17] = 4;
  auto bm = decode<BillingModelSet>(model);
  ASSERT_FALSE(bm.ok());
  EXPECT_EQ(bm.error().field, "slots[17]");
}

TEST(YkcMessages, TransactionRecordFourAndFiveTiers) {
  TransactionRecord r;
  r.serial = Serial::parse("18120000000170011597335145955328").value();
  r.pile_code = PileCode::parse("18120000000170").value();
  r.start_time = Cp56Time2a::from_fields({.year = 2024, .month = 5, .day = 1, .hour = 8});
  r.end_time = Cp56Time2a::from_fields({.year = 2024, .month = 5, .day = 1, .hour = 9, .minute = 30});
  r.trade_time = r.end_time;
  for (size_t i = 0; i < 5; ++i)
    r.tiers[i] = {100'000u + uint32_t(i), 10'000u * uint32_t(i), 0, 1000u * uint32_t(i)};
  r.meter_start = 123'456'789;
  r.meter_stop = kMaxU40;
  r.total_energy = std::numeric_limits<uint32_t>::max();
  r.total_amount = 0;
  r.vin = Vin::from("LSVAU2180N2183294");
  r.start_type = TransactionRecord::kOfflineCard;
  r.stop_reason = 0x6E;
  r.physical_card = {0, 0, 0, 0, 0xD1, 0x4B, 0x0A, 0x54};

  r.tier_count = 4;
  auto four = encode(r);
  EXPECT_EQ(four.size(), TransactionRecord::kBodySize);
  auto d4 = decode<TransactionRecord>(four);
  ASSERT_TRUE(d4.ok());
  EXPECT_EQ(d4->tier_count, 4);
  EXPECT_EQ(d4->tiers[4], TierRecord{});  // not on the wire
  EXPECT_EQ(d4->meter_stop, kMaxU40);
  EXPECT_EQ(d4->vin.str(), "LSVAU2180N2183294");

  r.tier_count = 5;
  auto five = encode(r);
  EXPECT_EQ(five.size(), TransactionRecord::kFiveTierBodySize);  // L = 0xB2
  auto d5 = decode<TransactionRecord>(five);
  ASSERT_TRUE(d5.ok());
  EXPECT_EQ(d5->tier_count, 5);
  EXPECT_EQ(*d5, r);
  EXPECT_EQ(d5->tiers[4].unit_price, 100'004u);
  // The fifth tier sits before the meter values; the rest of the layout shifts by 16.
  EXPECT_EQ(std::vector<uint8_t>(five.begin() + 118, five.begin() + 123),
            std::vector<uint8_t>(four.begin() + 102, four.begin() + 107));
  // The whole frame has L = 0xB2.
  auto frame = encode_frame(r, sequence_le(1));
  EXPECT_EQ(frame[1], 0xB2);
}

TEST(YkcMessages, RealtimeDataBoundaries) {
  RealtimeData m;
  m.serial = Serial::parse("99999999999999999999999999999999").value();
  m.pile_code = PileCode::parse("99999999999999").value();
  m.gun = gun_to_bcd(99);
  m.status = RealtimeData::kCharging;
  m.voltage = 0xFFFF;
  m.current = 0;
  m.cable_temp = 255;
  m.cable_code = {1, 2, 3, 4, 5, 6, 7, 8};
  m.soc = 100;
  m.energy = std::numeric_limits<uint32_t>::max();
  m.loss_energy = 0;
  m.amount = 1;
  m.faults = 0x1FFF;
  auto body = encode(m);
  ASSERT_EQ(body.size(), 60u);
  auto back = decode<RealtimeData>(body);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, m);
  EXPECT_EQ(gun_from_bcd(back->gun), 99u);
}

TEST(YkcMessages, ListsFromEmptyToTheFrameLimit) {
  OfflineCardSync sync;
  sync.pile_code = PileCode::parse("55031412782305").value();
  for (size_t n : {size_t{0}, size_t{1}, OfflineCardSync::kMaxCards}) {
    sync.cards.resize(n);
    for (size_t i = 0; i < n; ++i) {
      sync.cards[i].logical_card = LogicalCard::parse(std::to_string(1000 + i)).value();
      sync.cards[i].physical_card = {0, 0, 0, 0, 0, 0, 0, static_cast<uint8_t>(i)};
    }
    auto frame = encode_frame(sync, sequence_le(3));
    EXPECT_EQ(frame.size(), 6 + 8 + 16 * n + 2);
    auto f = decode_frame(frame);
    ASSERT_TRUE(f.ok());
    auto back = decode<OfflineCardSync>(f->body);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, sync);
  }
  OfflineCardQuery q;
  q.cards.resize(OfflineCardQuery::kMaxCards);
  EXPECT_NO_THROW(encode_frame(q, sequence_le(0)));  // 8 + 26·8 = 216 bytes
  OfflineCardClear c;
  c.cards.resize(31);  // 8 + 31·8 = 256 > 251
  EXPECT_THROW(encode_frame(c, sequence_le(0)), std::length_error);

  OfflineCardQueryReply qr;
  qr.results = {{{1, 2, 3, 4, 5, 6, 7, 8}, 1}, {{}, 0}};
  auto qb = decode<OfflineCardQueryReply>(encode(qr));
  ASSERT_TRUE(qb.ok());
  EXPECT_EQ(*qb, qr);
  OfflineCardClearReply cr;
  cr.results = {{{9, 9, 9, 9, 9, 9, 9, 9}, 1, 0}};
  auto cb = decode<OfflineCardClearReply>(encode(cr));
  ASSERT_TRUE(cb.ok());
  EXPECT_EQ(*cb, cr);
}

TEST(YkcMessages, QrFrames) {
  QrPrefix p;
  p.pile_code = PileCode::parse("55031412782305").value();
  p.prefix_type = QrPrefix::kPrefixPile;
  p.prefix = "https://zc.example.com/qr?c=";
  auto body = encode(p);
  EXPECT_EQ(body.size(), 9 + p.prefix.size());
  auto back = decode<QrPrefix>(body);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, p);
  p.prefix = std::string(kMaxBody - 9, 'x');  // the longest prefix that fits a frame
  EXPECT_EQ(encode_frame(p, sequence_le(0)).size(), kMaxFrameSize);
  p.prefix += 'x';
  EXPECT_THROW(encode_frame(p, sequence_le(0)), std::length_error);

  QrGbSet g;
  g.data = "abc";
  auto gb = decode<QrGbSet>(encode(g));
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb->data, "abc");
  QrTldSet t;
  t.gun = 2;
  t.data = std::string(300, 'q');
  auto tb = encode(t);
  EXPECT_EQ(tb[1], 300 & 0xFF);
  EXPECT_EQ(tb[2], 300 >> 8);
  auto tt = decode<QrTldSet>(tb);
  ASSERT_TRUE(tt.ok());
  EXPECT_EQ(*tt, t);
}

TEST(YkcMessages, BillingModelBoundaries) {
  BillingModelSet s;
  s.pile_code = PileCode::parse("32010200000001").value();
  for (uint16_t no : {uint16_t{0}, uint16_t{1}, uint16_t{9999}}) {
    s.model.model_no = no;
    for (auto& r : s.model.rates) r = {std::numeric_limits<uint32_t>::max(), 0};
    for (size_t k = 0; k < s.model.slots.size(); ++k) s.model.slots[k] = static_cast<uint8_t>(k % 4);
    auto body = encode(s);
    ASSERT_EQ(body.size(), 90u);
    auto back = decode<BillingModelSet>(body);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, s);
  }
  s.model.model_no = 10000;
  EXPECT_THROW(encode(s), std::invalid_argument);
}

TEST(YkcMessages, ParallelFramesExtendTheirBase) {
  ParallelRemoteStart p;
  p.serial = Serial::parse("1").value();
  p.balance = 100'000;
  p.parallel_no = ParallelNo::parse("240501083000").value();
  auto body = encode(p);
  EXPECT_EQ(body.size(), 50u);
  RemoteStart base = p;
  auto base_body = encode(base);
  EXPECT_EQ(std::vector<uint8_t>(body.begin(), body.begin() + 44), base_body);
  auto back = decode<ParallelRemoteStart>(body);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->parallel_no.str(), "240501083000");
}

TEST(YkcMessages, DecodeAnyUnknownType) {
  auto r = decode_any(0x07, std::vector<uint8_t>{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "type");
  EXPECT_EQ(frame_type_info(0x07), nullptr);
  EXPECT_EQ(frame_type_info(0x3D), nullptr);  // YKC 1.7 record: not v1.6
  EXPECT_EQ(frame_types().size(), std::variant_size_v<AnyMessage> - 1);
  EXPECT_EQ(type_of(AnyMessage{}), 0x01);  // default alternative: Login
  EXPECT_EQ(type_of(AnyMessage{std::monostate{}}), 0);
}

// ---- dispatch ----------------------------------------------------------------------------------------
namespace {
struct FakeSession {
  std::vector<std::string> log;
  std::vector<std::vector<uint8_t>> sent;
  CrcOrderMemory crc;
};
}  // namespace

TEST(YkcDispatch, RoutesDecodesAndReportsErrors) {
  Dispatcher<FakeSession> d;
  d.on<Login>([](FakeSession& s, const Frame& f, Login&& m) {
     s.log.push_back("login " + m.pile_code.str());
     s.sent.push_back(encode_reply(f, LoginReply{m.pile_code, LoginReply::kSuccess},
                                   s.crc.order_for(CrcReplyPolicy::mirror)));
   })
      .on<Heartbeat>(
          [](FakeSession& s, const Frame&, Heartbeat&& m) { s.log.push_back("hb " + std::to_string(m.gun)); })
      .on_raw(0x1F,
              [](FakeSession& s, const Frame& f) { s.log.push_back("raw " + std::to_string(f.body.size())); })
      .on_decode_error(
          [](FakeSession& s, const Frame&, const Error& e) { s.log.push_back("error " + e.field); })
      .on_unknown(
          [](FakeSession& s, const Frame& f) { s.log.push_back("unknown " + std::to_string(f.type())); });
  EXPECT_TRUE(d.handles(0x01));
  EXPECT_FALSE(d.handles(0x13));

  FakeSession s;
  Login login;
  login.pile_code = PileCode::parse("55031412782305").value();
  // The pile sends with seq bytes 71 AD and CRC high byte first.
  const auto req = encode_frame(login, Sequence{0x71, 0xAD}, CrcOrder::high_first);
  auto f = decode_frame(req);
  ASSERT_TRUE(f.ok());
  s.crc.observe(*f);
  EXPECT_EQ(d.dispatch(s, *f), DispatchOutcome::handled);
  ASSERT_EQ(s.sent.size(), 1u);
  // The reply echoes the raw sequence bytes (not swapped) and mirrors the CRC order.
  EXPECT_EQ(s.sent[0][2], 0x71);
  EXPECT_EQ(s.sent[0][3], 0xAD);
  auto reply = decode_frame(s.sent[0]);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->crc_order, CrcOrder::high_first);
  EXPECT_EQ(s.crc.order_for(CrcReplyPolicy::standard), CrcOrder::low_first);

  const auto short_hb = encode_frame(0x03, sequence_le(1), std::vector<uint8_t>(8, 0));
  EXPECT_EQ(d.dispatch(s, decode_frame(short_hb).value()), DispatchOutcome::decode_error);
  const auto hb = encode_frame(Heartbeat{}, sequence_le(2));
  EXPECT_EQ(d.dispatch(s, decode_frame(hb).value()), DispatchOutcome::handled);
  const auto rt = encode_frame(RealtimeData{}, sequence_le(3));
  EXPECT_EQ(d.dispatch(s, decode_frame(rt).value()), DispatchOutcome::unknown);
  const auto raw = encode_frame(0x1F, sequence_le(4), std::vector<uint8_t>(5, 1));
  EXPECT_EQ(d.dispatch(s, decode_frame(raw).value()), DispatchOutcome::handled);
  const auto enc = encode_frame(0x03, sequence_le(5), encode(Heartbeat{}), CrcOrder::low_first, k3Des);
  EXPECT_EQ(d.dispatch(s, decode_frame(enc).value()), DispatchOutcome::decode_error);
  EXPECT_EQ(s.log, (std::vector<std::string>{"login 55031412782305", "error gun_status", "hb 1", "unknown 19",
                                             "raw 5", "error encryption"}));
}

TEST(YkcDispatch, SequenceCounterIsLittleEndianAndWraps) {
  SequenceCounter c;
  EXPECT_EQ(c.next(), (Sequence{0x00, 0x00}));
  EXPECT_EQ(c.next(), (Sequence{0x01, 0x00}));
  for (int i = 2; i < 0x1234; ++i) c.next();
  EXPECT_EQ(c.next(), (Sequence{0x34, 0x12}));
  for (int i = 0x1235; i < 0xFFFF; ++i) c.next();
  EXPECT_EQ(c.next(), (Sequence{0xFF, 0xFF}));
  EXPECT_EQ(c.next(), (Sequence{0x00, 0x00}));  // overflow → 0
  c.reset();
  EXPECT_EQ(c.peek(), 0);
}
