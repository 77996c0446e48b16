using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class ConfidentMistakesTests
{
    private static readonly string[] Classes = ["melanoma", "nevus", "other"];

    // Melanoma called nevus twice (p 0.6 and 0.8), other called melanoma three times, nevus called other once; two right.
    private static SetEvaluation Set() => Evaluate.Set(
        "validation",
        Classes,
        [0, 0, 2, 2, 2, 1, 0, 1],
        [1, 1, 0, 0, 0, 2, 0, 1],
        [[0.3f, 0.6f, 0.1f], [0.1f, 0.8f, 0.1f], [0.5f, 0.2f, 0.3f], [0.9f, 0f, 0.1f], [0.7f, 0.1f, 0.2f], [0.2f, 0.3f, 0.5f], [0.9f, 0.1f, 0f], [0f, 1f, 0f]],
        0.5,
        new EvaluationSettings("melanoma", 10, 1));

    [Fact]
    public void The_required_pair_comes_first_then_the_largest_cells_most_confident_first()
    {
        var pairs = ConfidentMistakes.Select(Set(), [(0, 1)], largest: 2, perPair: 2);
        Assert.Equal([(0, 1), (2, 0)], pairs.Select(p => (p.Actual, p.Predicted)));
        Assert.Equal([1, 0], pairs[0].Images);
        Assert.Equal(2, pairs[0].Count);
        // Three "other called melanoma", the two surest kept: p 0.9 (image 3), 0.7 (image 4).
        Assert.Equal(3, pairs[1].Count);
        Assert.Equal([3, 4], pairs[1].Images);
    }

    [Fact]
    public void A_required_pair_without_mistakes_is_kept_empty_and_right_answers_never_appear()
    {
        var pairs = ConfidentMistakes.Select(Set(), [(1, 0)], largest: 3);
        Assert.Equal((1, 0), (pairs[0].Actual, pairs[0].Predicted));
        Assert.Empty(pairs[0].Images);
        Assert.Equal(4, pairs.Count);
        Assert.DoesNotContain(pairs.SelectMany(p => p.Images), i => i is 6 or 7);
    }
}
