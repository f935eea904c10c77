app_name = "gaps"
urlpatterns = []
