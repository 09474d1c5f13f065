#include "RulesRegistry.h"

#include "AgreementRules.h"
#include "ApiKeyRules.h"
#include "BankRules.h"
#include "BillingEntities.h"
#include "CompanyRules.h"
#include "ConnectionRules.h"
#include "EnabledServiceRules.h"
#include "EntityCatalogue.h"
#include "FeeEntities.h"
#include "InvoiceRules.h"
#include "LegalEntityRules.h"
#include "MessagingEntities.h"
#include "NumberPrefixRules.h"
#include "PaymentRules.h"
#include "RerateTaskRules.h"
#include "SenderIdRules.h"
#include "SenderIdFeeRuleRules.h"
#include "ServiceRules.h"
#include "StopListRules.h"
#include "UserRules.h"

namespace backoffice::server {

std::shared_ptr<EntityRules> makeRules(const QString &entityName)
{
    if (entityName == entities::companies)
        return std::make_shared<CompanyRules>();
    if (entityName == entities::legalEntities || entityName == entities::ownLegalEntities)
        return std::make_shared<LegalEntityRules>(entityName);
    if (entityName == entities::banks)
        return std::make_shared<BankRules>();
    if (entityName == entities::bankAccounts || entityName == entities::ownBankAccounts)
        return std::make_shared<BankAccountRules>(entityName);
    if (entityName == entities::agreements)
        return std::make_shared<AgreementRules>();
    if (entityName == entities::agreementVersions)
        return std::make_shared<AgreementVersionRules>();
    if (entityName == entities::users)
        return std::make_shared<UserRules>();
    if (entityName == entities::roles)
        return std::make_shared<RoleRules>();
    if (entityName == entities::services)
        return std::make_shared<ServiceRules>();
    if (entityName == entities::serviceScopes)
        return std::make_shared<ServiceScopeRules>();
    if (entityName == entities::enabledServices)
        return std::make_shared<EnabledServiceRules>();
    if (entityName == entities::vendorSmppConnections)
        return std::make_shared<VendorSmppConnectionRules>();
    if (entityName == entities::clientSmppConnections)
        return std::make_shared<ClientSmppConnectionRules>();
    if (entityName == entities::httpConnections)
        return std::make_shared<HttpConnectionRules>();
    if (entityName == entities::senderIds)
        return std::make_shared<SenderIdRules>();
    if (entityName == entities::apiKeys)
        return std::make_shared<ApiKeyRules>();
    if (entityName == entities::invoices)
        return std::make_shared<InvoiceRules>();
    if (entityName == entities::payments)
        return std::make_shared<PaymentRules>();
    if (entityName == entities::rerateTasks)
        return std::make_shared<RerateTaskRules>();
    if (entityName == entities::stopList)
        return std::make_shared<StopListRules>();
    if (entityName == entities::senderIdFeeRules)
        return std::make_shared<SenderIdFeeRuleRules>();
    // additional-fees: AdditionalFeeRules, set by ServerInstance (it prices and writes charges off).
    if (entityName == entities::notifications)
        return std::make_shared<NotificationRules>();
    if (entityName == entities::numberPrefixes) return std::make_shared<NumberPrefixRules>(); // dictionaries area
    return std::make_shared<EntityRules>();
}

} // namespace backoffice::server
