namespace MelanomaExp.Evaluation;

/// <summary>Counts[actual, predicted] for n classes.</summary>
public sealed class ConfusionMatrix
{
    public ConfusionMatrix(int classes, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException("actual and predicted differ in length");
        }
        Counts = new int[classes, classes];
        for (var i = 0; i < actual.Count; i++)
        {
            Counts[actual[i], predicted[i]]++;
        }
        Classes = classes;
    }

    public int Classes { get; }

    public int[,] Counts { get; }

    public int Total => Enumerable.Range(0, Classes).Sum(Support);

    public int Support(int c) => Enumerable.Range(0, Classes).Sum(p => Counts[c, p]);

    public int PredictedAs(int c) => Enumerable.Range(0, Classes).Sum(a => Counts[a, c]);

    public int Correct => Enumerable.Range(0, Classes).Sum(c => Counts[c, c]);
}
