"""News pages: the list (all or one category) and an article, over published articles only.

Staff who may change articles also see drafts and scheduled articles, marked as such and never
stored by a cache on the way.
"""

from django.db.models import Prefetch
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext, to_locale
from django.views.generic import DetailView, ListView

from portal.core.drafts import DraftPreviewMixin
from portal.core.page_cache import do_not_store
from projects.models import Park, Project

from .models import Article, Category


class ArticleListView(ListView):
    paginate_by = 10
    context_object_name = "articles"
    template_name = "news/article_list.html"

    def get(self, request, *args, **kwargs):
        self.category = None
        if "slug" in kwargs:
            slug = kwargs["slug"]
            self.category = Category.objects.filter(slug=slug).first()
            if self.category is None:
                raise Http404("No such news category.")
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

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        pages = self.request.GET.getlist("page")
        if pages and pages != [str(context["page_obj"].number)]:
            # `?page=01` shows page 1: one entry of the page cache per spelling would not do.
            do_not_store(response)
        return response


class ArticleDetailView(DraftPreviewMixin, DetailView):
    model = Article
    preview_permission = "news.change_article"
    context_object_name = "article"
    template_name = "news/article_detail.html"

    def get_queryset(self):
        return (
            self.base_queryset()
            .select_related("category")
            .prefetch_related(
                Prefetch("projects", queryset=Project.objects.published().order_by("name")),
                Prefetch("parks", queryset=Park.objects.published().order_by("name")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["previous_article"] = self.neighbour(article, article.get_previous_by_published_at)
        context["next_article"] = self.neighbour(article, article.get_next_by_published_at)
        context["structured_data"] = self.news_article(article)
        return context

    @staticmethod
    def neighbour(article, get_by_published_at):
        """The published article just before or after `article` (ties broken by pk), or None."""
        try:
            return get_by_published_at(
                status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
            )
        except Article.DoesNotExist:
            return None

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
