"""News pages: the list (all or one category) and an article, over published articles only.

Staff who may change articles also see drafts and scheduled articles, marked as such and never
stored by a cache on the way.
"""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, to_locale
from django.views.generic import DetailView, ListView

from projects.models import Park, Project

from .models import Article, Category


class ArticleListView(ListView):
    paginate_by = 10
    context_object_name = "articles"
    template_name = "news/article_list.html"

    def get(self, request, *args, **kwargs):
        self.category = None
        if "slug" in kwargs:
            self.category = get_object_or_404(Category, slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        articles = Article.objects.published().select_related("category")
        if self.category:
            articles = articles.filter(category=self.category)
        return articles

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["categories"] = list(Category.objects.all())
        return context


class ArticleDetailView(DetailView):
    context_object_name = "article"
    template_name = "news/article_detail.html"

    def can_preview(self):
        return self.request.user.has_perm("news.change_article")

    def get_queryset(self):
        articles = Article.objects.all() if self.can_preview() else Article.objects.published()
        return articles.select_related("category").prefetch_related(
            Prefetch("projects", queryset=Project.objects.published().order_by("name")),
            Prefetch("parks", queryset=Park.objects.published().order_by("name")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        published = Article.objects.published().exclude(pk=article.pk)
        at = article.published_at
        context["previous_article"] = (
            published.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=article.pk))
            .order_by("-published_at", "-pk")
            .first()
        )
        context["next_article"] = (
            published.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=article.pk))
            .order_by("published_at", "pk")
            .first()
        )
        context["structured_data"] = self.news_article(article)
        return context

    def news_article(self, article):
        """The article as schema.org's NewsArticle, for search engines' news results."""
        absolute = self.request.build_absolute_uri
        organisation = {
            "@type": "GovernmentOrganization",
            "name": gettext("Guanxian Bearing Investment"),
            "url": absolute(reverse("home")),
            "logo": {"@type": "ImageObject", "url": absolute(static("img/og-default.png"))},
        }
        image = absolute(article.cover.url if article.cover else static("img/og-default.png"))
        return {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.summary,
            "datePublished": localtime(article.published_at).isoformat(),
            "dateModified": localtime(max(article.updated_at, article.published_at)).isoformat(),
            "image": [image],
            "author": organisation,
            "publisher": organisation,
            # BCP 47, as schema.org asks: en, zh-Hans.
            "inLanguage": to_locale(get_language()).replace("_", "-"),
            "mainEntityOfPage": {"@type": "WebPage", "@id": absolute(article.get_absolute_url())},
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_visible:
            # A preview must not outlive the draft in a shared or browser cache.
            patch_cache_control(response, no_cache=True, no_store=True, private=True)
        return response
