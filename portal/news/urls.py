from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article_list"),
    path("feed/rss/", feeds.LatestArticlesFeed(), name="feed_rss"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
    path("category/<slug:slug>/", views.ArticleListView.as_view(), name="category"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"),
]
