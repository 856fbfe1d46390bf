from django.views.generic import DetailView, ListView

from .models import Article


class ArticleListView(ListView):
    queryset = Article.objects.published().select_related("category")
    paginate_by = 10


class ArticleDetailView(DetailView):
    queryset = Article.objects.published().select_related("category")
