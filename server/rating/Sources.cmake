# Sources of the rating area: services, scopes, rate trees, quotes.
target_sources(backoffice_server_core PRIVATE
    rating/DemoServices.cpp rating/DemoServices.h
    rating/EnabledServiceRules.cpp rating/EnabledServiceRules.h
    rating/QuoteRoutes.cpp rating/QuoteRoutes.h
    rating/RatingChanges.cpp rating/RatingChanges.h
    rating/RatingEngine.cpp rating/RatingEngine.h
    rating/RateTreeInput.cpp rating/RateTreeInput.h
    rating/RatingRoutes.cpp rating/RatingRoutes.h
    rating/ServiceRules.cpp rating/ServiceRules.h
)
