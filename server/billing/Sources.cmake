# Finance: payments and their balance movements, the ledger, billing jobs, EDR rerate (paths relative to server/).
target_sources(backoffice_server_core PRIVATE
    billing/AdditionalFeeRules.cpp billing/AdditionalFeeRules.h
    billing/BillingRoutes.cpp billing/BillingRoutes.h
    billing/DemoFees.cpp billing/DemoFees.h
    billing/EdrRepricing.cpp billing/EdrRepricing.h
    billing/FeeCharges.cpp billing/FeeCharges.h
    billing/FeePeriods.cpp billing/FeePeriods.h
    billing/FeePricing.cpp billing/FeePricing.h
    billing/FeeRoutes.cpp billing/FeeRoutes.h
    billing/InvoiceDocument.cpp billing/InvoiceDocument.h
    billing/InvoiceLines.cpp billing/InvoiceLines.h
    billing/InvoiceRoutes.cpp billing/InvoiceRoutes.h
    billing/InvoiceRules.cpp billing/InvoiceRules.h
    billing/Invoicing.cpp billing/Invoicing.h
    billing/PackPurchases.cpp billing/PackPurchases.h
    billing/PriceTerms.cpp billing/PriceTerms.h
    billing/PaymentEffect.cpp billing/PaymentEffect.h
    billing/PaymentExpiry.cpp billing/PaymentExpiry.h
    billing/PaymentRules.cpp billing/PaymentRules.h
    billing/RerateJob.cpp billing/RerateJob.h
    billing/RerateRoutes.cpp billing/RerateRoutes.h
    billing/RerateTaskRules.cpp billing/RerateTaskRules.h
    billing/ScaleAdjustments.cpp billing/ScaleAdjustments.h
    billing/SenderIdFeeRuleRules.cpp billing/SenderIdFeeRuleRules.h
    billing/SenderIdPeriodicFees.cpp billing/SenderIdPeriodicFees.h
)
