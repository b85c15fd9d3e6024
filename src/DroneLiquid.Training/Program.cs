using TorchSharp;
torch.set_num_threads(1);
var t = torch.ones(2, 3) * 2;
Console.WriteLine(t.sum().item<float>());
