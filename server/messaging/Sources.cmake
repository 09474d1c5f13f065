# Sources of the messaging engine above the SMPP wire layer: configuration records and their rules,
# the engine (routing, rating and charging, EDRs, delivery reports, callbacks) and its HTTP routes.
target_sources(backoffice_server_core PRIVATE
    messaging/config/ApiKeyRules.cpp messaging/config/ApiKeyRules.h
    messaging/config/ConnectionRules.cpp messaging/config/ConnectionRules.h
    messaging/config/DemoMessaging.cpp messaging/config/DemoMessaging.h
    messaging/config/FieldChecks.cpp messaging/config/FieldChecks.h
    messaging/config/MessagingChanges.cpp messaging/config/MessagingChanges.h
    messaging/config/SenderChannelFields.cpp messaging/config/SenderChannelFields.h
    messaging/config/SenderIdRules.cpp messaging/config/SenderIdRules.h
    messaging/config/StopListRules.cpp messaging/config/StopListRules.h
)
target_sources(backoffice_server_core PRIVATE
    messaging/engine/BalanceBook.cpp messaging/engine/BalanceBook.h
    messaging/engine/CallbackDispatcher.cpp messaging/engine/CallbackDispatcher.h
    messaging/engine/ClientSmppGateway.cpp messaging/engine/ClientSmppGateway.h
    messaging/engine/EdrRecord.cpp messaging/engine/EdrRecord.h
    messaging/engine/LowBalanceAlert.cpp messaging/engine/LowBalanceAlert.h
    messaging/engine/MessageAdmission.cpp messaging/engine/MessageAdmission.h
    messaging/engine/MessageAdmissionPacks.cpp messaging/engine/PackBook.cpp messaging/engine/PackBook.h
    messaging/engine/MessagingConfig.cpp messaging/engine/MessagingConfig.h
    messaging/engine/MessagingEngine.cpp messaging/engine/MessagingEngine.h
    messaging/engine/MessagingEngineCharging.cpp messaging/engine/MessagingEngineHttp.cpp
    messaging/engine/MessagingEngineReports.cpp messaging/engine/MessagingInFlight.h
    messaging/engine/MessagingRoutes.cpp messaging/engine/MessagingRoutes.h
    messaging/engine/MessagingWriter.cpp messaging/engine/MessagingWriter.h
    messaging/engine/SendApiRoutes.cpp messaging/engine/SendApiRoutes.h
    messaging/engine/TimeOrderedId.cpp messaging/engine/TimeOrderedId.h
    messaging/engine/TrafficCounters.cpp messaging/engine/TrafficCounters.h
    messaging/engine/TrafficMonitor.cpp messaging/engine/TrafficMonitor.h
    messaging/engine/VendorGateway.cpp messaging/engine/VendorGateway.h
)
target_sources(backoffice_server_core PRIVATE
    messaging/http/TransitSmsEmulator.cpp messaging/http/TransitSmsEmulator.h
    messaging/http/TransitSmsGateway.cpp messaging/http/TransitSmsGateway.h
    messaging/http/TransitSmsWebhook.cpp messaging/http/TransitSmsWebhook.h
)
