#pragma once

namespace backoffice::server {

class Database;
class FeeCharges;
class FeePricing;
class Router;

// Fee routes that are not plain collections (docs/API.md, "Fees"):
//   POST sender-ids/{id}/setup-fee {mno?, senderIdType?}  writes the sender ID's setup fee off once,
//       at the price of the Sender ID setup fee node (201); 409 already_written_off the second time;
//       422 "Rate not found: …" writing nothing (senderIdFees: Manage)
//   GET  sender-ids/{id}/fees?mno=&senderIdType=&period=&at=  what the setup fee and the usage fee
//       would be (found or the reason), whether the setup fee is written off, and each of the
//       sender ID's periodic fee rules with its fee (senderIdFees: View)
//   GET  additional-fees/quote?agreementId=&additionalService=&volume=&at=  the rate of an
//       additional service for the agreement and what the volume costs (additionalFees: View)
void addFeeRoutes(Router &router, Database &database, FeePricing &pricing, FeeCharges &charges);

} // namespace backoffice::server
