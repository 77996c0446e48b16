using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

public class HistoryCsvTests
{
    [Fact]
    public void History_csv_holds_one_row_per_epoch_with_the_json_values()
    {
        var lines = HistoryCsv.Render(FixedRun.Create()).TrimEnd().Split('\n');
        Assert.Equal("step,epoch,train_loss,train_accuracy,val_loss,val_accuracy,seconds,images_per_second", lines[0]);
        Assert.Equal("base,2,0.6,0.875,0.9,0.5,9.75,32.5", lines[2]);
        Assert.Equal(6, lines.Length);
    }
}
