from __future__ import annotations

from essaim.articles.models import Article
from essaim.cli import main


def test_the_demo_has_a_public_article_by_news_with_a_campaign(db, capsys):
    assert main(["seed", "--users", "60", "--posts", "200", "--seed", "1"]) == 0
    capsys.readouterr()
    article = Article.objects.select_related("post__author").get(
        post__author__username="news")
    assert article.post.visibility == "public" and article.cover is not None
    assert article.post.campaign.name == "livre-blanc-hydrogene"
    assert "<h2>Trois chiffres</h2>" in article.html
    assert Article.objects.filter(post__visibility="company").exists()
