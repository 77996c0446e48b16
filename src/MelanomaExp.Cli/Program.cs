using MelanomaExp.Native;
using TorchSharp;
var r = TorchNativeLoader.EnsureLoaded();
Console.WriteLine(r);
var t = torch.ones(2, 3) * 2;
Console.WriteLine(t.sum().item<float>());
