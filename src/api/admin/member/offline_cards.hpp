#pragma once
// The offline card setting of a YKC car pile (docs/api-member.md "Offline card lists"):
//   GET /car/pile/{id}/offlineCard (car:pile:query) → {allowOfflineCard, cards: [{physicalNo, cardNo}]}
//   PUT /car/pile/offlineCard {id, allowOfflineCard} (car:pile:edit): stored, the pile's list follows.
#include "http/router.hpp"
#include "service/car/context.hpp"
#include "service/order/offline_cards.hpp"

namespace zc::api {

void register_offline_card_routes(http::Router& r, car::CarContext ctx, order::OfflineCardLists& lists);
// testing.enabled only: POST /test/member/offlineCard/validity looks at the cards' validity now (→ {piles}).
void register_offline_card_test_routes(http::Router& r, order::OfflineCardLists& lists);

}  // namespace zc::api
